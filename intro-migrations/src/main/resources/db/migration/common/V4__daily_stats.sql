-- Per-user daily rollups, maintained by the adapters in the same transaction as each write
-- (docs/decisions/0001-daily-rollups.md). day is the user's local date, 'YYYY-MM-DD'.
CREATE TABLE daily_stats (
    user_id   TEXT    NOT NULL REFERENCES users (id),
    day       TEXT    NOT NULL,
    events    INTEGER NOT NULL DEFAULT 0 CHECK (events >= 0),
    completed INTEGER NOT NULL DEFAULT 0 CHECK (completed >= 0),
    PRIMARY KEY (user_id, day)
);
