-- Panorama's store on PostgreSQL, version 2: what the pipeline learns, by name (JSON).
CREATE TABLE learned (
    name       TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
