-- Restores the catalog of version 5.
DROP INDEX idx_maintenance_notices_starts;
DROP TABLE maintenance_notices;
DROP TABLE system_components;
