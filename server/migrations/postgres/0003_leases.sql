-- Panorama's store on PostgreSQL, version 3: each feed's turn among the instances sharing this
-- database (server/src/store/fleet.rs). Times in milliseconds. Adding nullable columns keeps
-- instances of the previous version working during a rolling deploy: they never read them.
ALTER TABLE feeds ADD COLUMN next_fetch_at BIGINT;
ALTER TABLE feeds ADD COLUMN lease_until BIGINT;
ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
