-- Panorama's store, version 4: what a reader is told of a feed's last failure
-- (app::model::Trouble, snake_case), beside its technical `error`.
ALTER TABLE feeds ADD COLUMN trouble TEXT;
