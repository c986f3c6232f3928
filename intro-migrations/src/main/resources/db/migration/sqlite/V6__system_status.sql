-- Component states and maintenance notices (SQLite has no BOOLEAN: critical is 0 or 1).
CREATE TABLE system_components (
    name       TEXT    NOT NULL PRIMARY KEY,
    state      TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    critical   INTEGER NOT NULL CHECK (critical IN (0, 1)),
    updated_at BIGINT  NOT NULL
);

CREATE TABLE maintenance_notices (
    id        TEXT   NOT NULL PRIMARY KEY,
    message   TEXT   NOT NULL,
    severity  TEXT   NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at   BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX idx_maintenance_notices_starts ON maintenance_notices (starts_at);
