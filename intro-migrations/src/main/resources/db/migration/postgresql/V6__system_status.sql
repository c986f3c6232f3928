-- Component states and maintenance notices (PostgreSQL: critical is a real BOOLEAN).
CREATE TABLE system_components (
    name       TEXT    NOT NULL PRIMARY KEY,
    state      TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    critical   BOOLEAN NOT NULL,
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
