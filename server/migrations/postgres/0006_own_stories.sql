-- Panorama's store, version 6: readers' own feeds' stories, apart from the catalog's `stories`
-- (which the timeline of every reader, the archive, search and grouping read): an own story
-- reaches only the requests that name it or its feed. Kept so that a link to one still opens
-- after a restart, and pruned with the catalog's stories. Times are Unix seconds (UTC).
CREATE TABLE own_stories (
    id           TEXT   PRIMARY KEY,
    feed_id      TEXT   NOT NULL,
    published    BIGINT NOT NULL,
    -- As in `stories`: the story as the browser gets it (JSON), the feed's own HTML, and the
    -- wire-copy keys.
    article      TEXT   NOT NULL,
    summary_html TEXT   NOT NULL,
    text_keys    TEXT   NOT NULL
);
CREATE INDEX own_stories_published ON own_stories (published);
