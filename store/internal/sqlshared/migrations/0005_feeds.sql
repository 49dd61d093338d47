-- Feeds that serve polls (`briefbot feeds add`, /feeds add). Times are Unix
-- milliseconds (UTC). A poll claims the feed until claimed_until, so that
-- of several processes sharing the database one polls it at a time; a
-- feed that keeps failing is paused with the reason shown in /feeds list.
CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL DEFAULT '',
    interval_minutes INTEGER NOT NULL DEFAULT 30,
    added_by         TEXT    NOT NULL DEFAULT '',
    added_at         INTEGER NOT NULL,
    etag             TEXT    NOT NULL DEFAULT '',
    last_modified    TEXT    NOT NULL DEFAULT '',
    last_fetched     INTEGER,
    items            INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NOT NULL DEFAULT '',
    next_poll        INTEGER NOT NULL DEFAULT 0,
    claimed_until    INTEGER,
    paused_reason    TEXT    NOT NULL DEFAULT ''
);
