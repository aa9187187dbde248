-- The change feed's identity. A consumer stores it beside its position; when the feed answers
-- with another id, its numbering is not the one the consumer followed (the database was replaced
-- or restored), and the consumer reads it again from the start instead of skipping what it thinks
-- it has seen. After restoring a backup into a database whose feed consumers have read further,
-- give the feed a new identity: UPDATE episode_change_head SET feed_id = gen_random_uuid();
ALTER TABLE episode_change_head ADD COLUMN feed_id UUID NOT NULL DEFAULT gen_random_uuid();
