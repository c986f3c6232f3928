-- Actionable items with optimistic-concurrency version.
CREATE TABLE action_items (
    id            TEXT   NOT NULL PRIMARY KEY,
    owner_id      TEXT   NOT NULL REFERENCES users (id),
    title         TEXT   NOT NULL,
    priority      TEXT   NOT NULL CHECK (priority IN ('CRITICAL', 'HIGH', 'NORMAL', 'LOW')),
    due_at        BIGINT NULL,
    state         TEXT   NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'DISMISSED')),
    snoozed_until BIGINT NULL,
    created_at    BIGINT NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX idx_action_items_owner ON action_items (owner_id, state, due_at);
