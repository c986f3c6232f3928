-- Restores the catalog of version 3.
DROP TABLE daily_stats;
