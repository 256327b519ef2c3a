-- Panorama's store on PostgreSQL, version 4: what a reader is told of a feed's last failure
-- (app::model::Trouble, snake_case), beside its technical `error`. Nullable: instances of
-- version 3 go on writing feed states without it during a rolling deploy.
ALTER TABLE feeds ADD COLUMN trouble TEXT;
