-- Panorama's store on PostgreSQL, version 1: the same tables as on SQLite (see
-- migrations/sqlite/0001_stories.sql for what each holds), with PostgreSQL's types. Times are
-- Unix seconds (UTC), as BIGINT: sqlx's Any driver reads them as i64 on both databases.

CREATE TABLE stories (
    seq          BIGINT PRIMARY KEY,
    id           TEXT   NOT NULL UNIQUE,
    source_id    TEXT   NOT NULL,
    country      TEXT   NOT NULL,
    language     TEXT   NOT NULL,
    categories   TEXT   NOT NULL,
    published    BIGINT NOT NULL,
    day          TEXT   NOT NULL,
    version      BIGINT NOT NULL,
    article      TEXT   NOT NULL,
    summary_html TEXT   NOT NULL,
    text_keys    TEXT   NOT NULL
);
CREATE INDEX stories_day ON stories (day, seq);
CREATE INDEX stories_source ON stories (source_id, seq);

-- Search keys: Panorama's own tokens (server/src/news/search/keys.rs), written as a tsvector
-- literal with their positions ('keys':1 'of':2 ...), so PostgreSQL's text parser never
-- splits them again: a Han character stays one token, Devanagari marks stay in their word,
-- phrases match by position exactly as in SQLite's FTS5. `rowid` is the story's time key, as
-- in SQLite's FTS5 table, so both databases delete and prune it with the same statements.
CREATE TABLE story_search (
    rowid BIGINT   PRIMARY KEY,
    keys  tsvector NOT NULL
);
CREATE INDEX story_search_keys ON story_search USING gin (keys);

CREATE TABLE story_days (
    day       TEXT   NOT NULL,
    source_id TEXT   NOT NULL,
    country   TEXT   NOT NULL,
    language  TEXT   NOT NULL,
    count     BIGINT NOT NULL,
    PRIMARY KEY (day, source_id)
);

CREATE TABLE story_texts (
    id         TEXT   PRIMARY KEY,
    html       TEXT   NOT NULL,
    fetched_at BIGINT NOT NULL
);

CREATE TABLE feeds (
    url           TEXT   PRIMARY KEY,
    source_id     TEXT   NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    fetched_at    BIGINT,
    error         TEXT,
    failures      BIGINT NOT NULL DEFAULT 0,
    retry_at      BIGINT,
    newest        BIGINT,
    items         TEXT   NOT NULL DEFAULT '[]'
);
