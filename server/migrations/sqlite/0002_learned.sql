-- Panorama's store, version 2: what the pipeline learns and must not forget on restart, by
-- name (today the related index's alias table, as JSON).
CREATE TABLE learned (
    name       TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
