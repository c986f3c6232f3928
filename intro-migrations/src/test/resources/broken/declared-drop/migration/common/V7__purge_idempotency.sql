-- intro:drops-rows
-- Expiring idempotency records is allowed to lower the row count.
DELETE FROM idempotency_records;
