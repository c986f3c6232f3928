-- Restores the catalog of version 4.
DROP INDEX idx_idempotency_records_created;
DROP TABLE idempotency_records;
DROP TABLE preferences;
