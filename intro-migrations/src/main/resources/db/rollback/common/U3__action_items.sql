-- Restores the catalog of version 2.
DROP INDEX idx_action_items_owner;
DROP TABLE action_items;
