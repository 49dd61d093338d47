-- What the buttons of a paged answer ("More", "Share in channel") need to
-- show another page: the options it was asked with, as JSON, by the
-- answer's key. In the store, a button works on every replica and after a
-- restart; rows older than store.AnswerPageMemory are forgotten.
CREATE TABLE answer_pages (
    answer_key TEXT    PRIMARY KEY,
    options    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX answer_pages_created ON answer_pages (created_at);
