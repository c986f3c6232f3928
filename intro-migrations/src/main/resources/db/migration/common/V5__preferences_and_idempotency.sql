-- Stored preference overrides (section lists are comma-separated keys) and idempotency records.
CREATE TABLE preferences (
    user_id         TEXT   NOT NULL PRIMARY KEY REFERENCES users (id),
    theme           TEXT   NULL,
    density         TEXT   NULL,
    section_order   TEXT   NOT NULL DEFAULT '',
    hidden_sections TEXT   NOT NULL DEFAULT '',
    zone            TEXT   NULL,
    locale          TEXT   NULL,
    version         BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE idempotency_records (
    user_id      TEXT    NOT NULL,
    idem_key     TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    response     TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);

CREATE INDEX idx_idempotency_records_created ON idempotency_records (created_at);
