-- Broken on purpose: fails after V7 of the same run was applied.
INSERT INTO no_such_table (id) VALUES ('x');
