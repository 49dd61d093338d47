-- Subscriptions, their runs (claimed before posting, finished after) and
-- when each document was first seen. Times are Unix milliseconds (UTC).
CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    local_time  TEXT    NOT NULL,
    timezone    TEXT    NOT NULL,
    actor       TEXT    NOT NULL DEFAULT '',
    created_by  TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX subscriptions_guild ON subscriptions (guild_id);

CREATE TABLE runs (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    local_date      TEXT    NOT NULL,
    claimed_at      INTEGER NOT NULL,
    lease_until     INTEGER NOT NULL,
    finished_at     INTEGER,
    outcome         TEXT    NOT NULL DEFAULT '',
    attempts        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (subscription_id, local_date)
);

CREATE TABLE documents (
    doc_id       TEXT    PRIMARY KEY,
    content_hash TEXT    NOT NULL,
    first_seen   INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL
);
