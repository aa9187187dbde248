-- A replica of what catalog-service's change feed says about episodes (visible, hidden, deleted),
-- and how far this service has read that feed. Both change only together, in one transaction per
-- page of the feed, so a crash never loses or repeats a change.

-- One row per episode the feed has mentioned. seq is the feed position of the change the row
-- reflects: a change with a smaller or equal seq is older (or the same) and is ignored.
-- An episode without a row is treated as visible: catalog-service stays the authority.
CREATE TABLE episode_visibility (
    episode_id uuid    PRIMARY KEY,
    visible    boolean NOT NULL,
    deleted    boolean NOT NULL,
    seq        bigint  NOT NULL
);

-- Reads look hidden episodes up by the text form of their id (appearance.episode_id is text);
-- only hidden or deleted rows are ever looked up, and they are few.
CREATE INDEX episode_visibility_hidden ON episode_visibility ((episode_id::text))
    WHERE deleted OR NOT visible;

-- The last feed position applied, per feed.
CREATE TABLE feed_position (
    feed text   PRIMARY KEY,
    seq  bigint NOT NULL CHECK (seq >= 0)
);

INSERT INTO feed_position (feed, seq) VALUES ('catalog-episodes', 0);
