-- Broken on purpose: drops an index that verify requires for version 1.
DROP INDEX idx_user_teams_team;
