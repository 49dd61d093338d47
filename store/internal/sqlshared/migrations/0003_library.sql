-- Documents stored by `briefbot ingest`, cleaned, which every process
-- serving from this store loads. Paragraphs and captions are JSON arrays of
-- strings. stored_at is Unix milliseconds (UTC).
CREATE TABLE library (
    doc_id       TEXT    PRIMARY KEY,
    file         TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    author       TEXT    NOT NULL DEFAULT '',
    date         TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL DEFAULT '',
    paragraphs   TEXT    NOT NULL,
    captions     TEXT    NOT NULL DEFAULT '[]',
    content_hash TEXT    NOT NULL,
    stored_at    INTEGER NOT NULL
);
