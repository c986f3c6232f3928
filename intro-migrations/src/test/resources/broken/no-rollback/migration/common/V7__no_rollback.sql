-- Broken on purpose: has no U7 script to undo it.
CREATE TABLE scratch (id TEXT NOT NULL PRIMARY KEY);
