-- Panorama's store, version 5: readers' own feeds, by the id the server gave each from its
-- address. The address and what the feed says of itself, nothing of who added it. Their
-- stories are not kept with the catalog's (they reach only the readers who name the feed).
CREATE TABLE own_feeds (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    language TEXT,
    added_at BIGINT NOT NULL
);
