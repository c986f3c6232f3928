-- Broken on purpose: the second statement fails after U8 was committed.
DROP TABLE scratch;
DROP TABLE no_such_table;
