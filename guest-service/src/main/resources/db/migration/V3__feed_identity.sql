-- The identity of the feed the position counts in (catalog-service's episode_change_head.feed_id);
-- null until the first answer. Another identity means another numbering: the replica starts over.
ALTER TABLE feed_position ADD COLUMN feed_id text;
