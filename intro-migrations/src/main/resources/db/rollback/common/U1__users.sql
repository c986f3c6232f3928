-- Restores the catalog of version 0.
DROP INDEX idx_user_teams_team;
DROP TABLE user_teams;
DROP TABLE users;
