-- Users and the teams whose activity they follow. Times are epoch microseconds.
CREATE TABLE users (
    id            TEXT   NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
    display_name  TEXT   NOT NULL,
    zone          TEXT   NOT NULL,
    locale        TEXT   NOT NULL,
    last_visit_at BIGINT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE user_teams (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team    TEXT NOT NULL,
    PRIMARY KEY (user_id, team)
);

CREATE INDEX idx_user_teams_team ON user_teams (team);
