-- Transactional outbox of episode visibility for other services (guest-service), read through
-- GET /internal/episode-changes. Written in the same transaction as the episode write it reports.
--
-- Compacted: one row per episode ever written, holding its newest change (a new change replaces
-- the row, hence UNIQUE (episode_id)), so a consumer that is far behind still reaches every
-- episode's latest state without replaying history. DELETED rows stay as tombstones.
CREATE TABLE episode_change (
    seq         BIGINT      PRIMARY KEY CHECK (seq > 0),
    episode_id  UUID        NOT NULL,
    change      TEXT        NOT NULL CHECK (change IN ('VISIBLE', 'HIDDEN', 'DELETED')),
    occurred_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT episode_change_episode_unique UNIQUE (episode_id)
);

-- The last seq handed out. Not a SEQUENCE: nextval() is not transactional, so a writer that took
-- seq 6 could commit before the one that took 5, and a consumer that had read past 6 would never
-- see 5. Writers take the next seq with UPDATE ... RETURNING; the row lock holds the next writer
-- until this one commits or rolls back, so seqs become visible in commit order (and a rollback
-- hands its seq back). Editor writes are rare, so serialising them on one row costs nothing noticeable.
CREATE TABLE episode_change_head (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT  NOT NULL CHECK (seq >= 0)
);

-- Episodes written before the feed existed get one change each (their current visibility), so a
-- consumer starting at 0 learns about every episode.
INSERT INTO episode_change (seq, episode_id, change, occurred_at)
SELECT row_number() OVER (ORDER BY number),
       id,
       CASE WHEN status IN ('PUBLISHED', 'ARCHIVED') THEN 'VISIBLE' ELSE 'HIDDEN' END,
       now()
  FROM episode;

INSERT INTO episode_change_head (id, seq) SELECT 1, count(*) FROM episode_change;
