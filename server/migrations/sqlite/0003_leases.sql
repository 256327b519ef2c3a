-- Panorama's store, version 3: each feed's turn, so that instances sharing one store fetch a
-- feed once per time to live between them (server/src/store/fleet.rs). Times in milliseconds.
-- One instance on SQLite claims its own turns the same way.
ALTER TABLE feeds ADD COLUMN next_fetch_at INTEGER;
ALTER TABLE feeds ADD COLUMN lease_until INTEGER;
ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
