CREATE TABLE scratch_notes (id TEXT NOT NULL PRIMARY KEY, note TEXT NOT NULL);
INSERT INTO scratch_notes (id, note) VALUES ('n1', 'kept too');
