-- An appearance's position is unique on its episode: addAppearance appends under a per-episode
-- lock (pg_advisory_xact_lock), and this constraint holds whatever path a write takes.
-- Positions that collide today (two parallel appends before the lock existed) are renumbered,
-- keeping the order readers saw (position, then created_at, then id); episodes without a
-- collision keep their positions, gaps included.
WITH colliding AS (
    SELECT episode_id
    FROM appearance
    GROUP BY episode_id
    HAVING count(*) <> count(DISTINCT position)
), renumbered AS (
    SELECT a.id,
           row_number() OVER (PARTITION BY a.episode_id ORDER BY a.position, a.created_at, a.id) - 1
               AS position
    FROM appearance a
    JOIN colliding c ON c.episode_id = a.episode_id
)
UPDATE appearance a
SET position = r.position
FROM renumbered r
WHERE a.id = r.id;

-- The constraint's index serves the reads that appearance_episode served (episode, position).
ALTER TABLE appearance
    ADD CONSTRAINT appearance_episode_position_unique UNIQUE (episode_id, position);
DROP INDEX appearance_episode;
