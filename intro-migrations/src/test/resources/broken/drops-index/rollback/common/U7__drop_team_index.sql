CREATE INDEX idx_user_teams_team ON user_teams (team);
