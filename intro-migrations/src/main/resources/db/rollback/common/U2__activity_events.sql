-- Restores the catalog of version 1.
DROP INDEX idx_activity_events_team;
DROP INDEX idx_activity_events_actor;
DROP TABLE activity_events;
