-- Nothing to restore in the catalog; deleted rows cannot be brought back by a script.
SELECT 1;
