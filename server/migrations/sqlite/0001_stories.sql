-- Panorama's store, version 1: stories with their search keys, story texts, feed state, and
-- the archive's day counts. Times are Unix seconds (UTC).

-- Every story read. `seq` is the story's time key: its publication second times 65,536 plus
-- the low bits of its id, so every list (timeline, archive, search) walks one integer index
-- newest first, and the full-text index's rowid order is publication order.
CREATE TABLE stories (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    source_id    TEXT    NOT NULL,
    country      TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    -- ",national,sports," so a category filter is a LIKE on one column.
    categories   TEXT    NOT NULL,
    published    INTEGER NOT NULL,
    day          TEXT    NOT NULL,
    -- The version's time (the feed's update time, else `published`): of two versions of one
    -- story, the later is kept.
    version      INTEGER NOT NULL,
    -- The story as the browser gets it (app::model::Article, JSON), then what only the server
    -- keeps: the feed's own HTML (sanitized when shown) and the wire-copy keys.
    article      TEXT    NOT NULL,
    summary_html TEXT    NOT NULL,
    text_keys    TEXT    NOT NULL
);
CREATE INDEX stories_day ON stories (day, seq);
CREATE INDEX stories_source ON stories (source_id, seq);

-- Search keys of each story's title and summary (see server/src/search/keys.rs): tokens
-- already folded and split by Panorama, so the tokenizer only has to keep them whole
-- (Devanagari marks included). Contentless: the keys are not stored twice.
CREATE VIRTUAL TABLE story_search USING fts5 (
    keys,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"
);

-- Stories per day and source, kept by the writer, so the archive's calendar never counts the
-- whole table.
CREATE TABLE story_days (
    day       TEXT    NOT NULL,
    source_id TEXT    NOT NULL,
    country   TEXT    NOT NULL,
    language  TEXT    NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (day, source_id)
);

-- The story text extracted from an article's page (sanitized HTML).
CREATE TABLE story_texts (
    id         TEXT    PRIMARY KEY,
    html       TEXT    NOT NULL,
    fetched_at INTEGER NOT NULL
);

-- Each feed's state: conditional-GET validators, the last success and failure, the back-off,
-- and the ids of the items it last carried (its stories after a restart).
CREATE TABLE feeds (
    url           TEXT    PRIMARY KEY,
    source_id     TEXT    NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    fetched_at    INTEGER,
    error         TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    retry_at      INTEGER,
    newest        INTEGER,
    items         TEXT    NOT NULL DEFAULT '[]'
);
