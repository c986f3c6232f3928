-- Broken on purpose: deletes rows without declaring it.
DELETE FROM idempotency_records;
