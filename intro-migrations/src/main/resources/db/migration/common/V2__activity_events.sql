-- The activity feed: newest first per actor and per team, ties broken by id (the cursor order).
CREATE TABLE activity_events (
    id          TEXT   NOT NULL PRIMARY KEY,
    actor_id    TEXT   NOT NULL REFERENCES users (id),
    team        TEXT   NULL,
    type        TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    occurred_at BIGINT NOT NULL
);

CREATE INDEX idx_activity_events_actor ON activity_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX idx_activity_events_team ON activity_events (team, occurred_at DESC, id DESC);
