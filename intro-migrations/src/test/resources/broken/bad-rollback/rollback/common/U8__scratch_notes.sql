DROP TABLE scratch_notes;
