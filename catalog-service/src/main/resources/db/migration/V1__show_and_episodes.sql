-- The one show this catalog describes. A single row (id = 1): the service owns one podcast.
CREATE TABLE show (
    id          INTEGER     PRIMARY KEY CHECK (id = 1),
    title       TEXT        NOT NULL,
    tagline     TEXT,
    host_name   TEXT        NOT NULL,
    url         TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     INTEGER     NOT NULL
);

-- Sections (announcements, sponsors, questions, keep in touch, picks, links) are value lists that
-- are always read and written whole with their episode: JSONB columns keep a page of episodes at
-- one SELECT, with no child-table joins or batch fetches.
CREATE TABLE episode (
    id                    UUID        PRIMARY KEY,
    number                INTEGER     NOT NULL CHECK (number > 0),
    title                 TEXT        NOT NULL,
    slug                  TEXT        NOT NULL,
    category              TEXT,
    summary               TEXT        NOT NULL DEFAULT '',
    announcements_heading TEXT        NOT NULL DEFAULT 'Announcements',
    announcements         JSONB       NOT NULL DEFAULT '[]',
    sponsors              JSONB       NOT NULL DEFAULT '[]',
    questions             JSONB       NOT NULL DEFAULT '[]',
    keep_in_touch         JSONB       NOT NULL DEFAULT '[]',
    picks                 JSONB       NOT NULL DEFAULT '[]',
    links                 JSONB       NOT NULL DEFAULT '[]',
    music_credit          TEXT,
    audio_url             TEXT,
    image_url             TEXT,
    duration_seconds      INTEGER     CHECK (duration_seconds >= 0),
    status                TEXT        NOT NULL
        CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    scheduled_for         TIMESTAMPTZ,
    published_at          TIMESTAMPTZ,
    archived_at           TIMESTAMPTZ,
    version               INTEGER     NOT NULL,
    search_vector         TSVECTOR    NOT NULL DEFAULT ''::tsvector,
    CONSTRAINT episode_number_unique UNIQUE (number),
    CONSTRAINT episode_slug_unique UNIQUE (slug),
    CONSTRAINT episode_scheduled_has_time CHECK (status <> 'SCHEDULED' OR scheduled_for IS NOT NULL),
    CONSTRAINT episode_published_has_time CHECK (status NOT IN ('PUBLISHED', 'ARCHIVED') OR published_at IS NOT NULL),
    CONSTRAINT episode_archived_has_time CHECK (status <> 'ARCHIVED' OR archived_at IS NOT NULL)
);

CREATE INDEX episode_status_number ON episode (status, number DESC);
CREATE INDEX episode_category_number ON episode (category, number DESC);
CREATE INDEX episode_search ON episode USING GIN (search_vector);

-- Full-text search over title (weight A), summary (B) and interview questions with their
-- follow-ups (C), kept current by the database itself whatever writes the row.
CREATE FUNCTION episode_search_document() RETURNS trigger AS $$
DECLARE
    question_text TEXT;
BEGIN
    SELECT string_agg(
               concat_ws(' ', q ->> 'text',
                         (SELECT string_agg(f, ' ') FROM jsonb_array_elements_text(q -> 'followUps') AS f)),
               ' ')
      INTO question_text
      FROM jsonb_array_elements(NEW.questions) AS q;
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(question_text, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER episode_search_document
    BEFORE INSERT OR UPDATE OF title, summary, questions ON episode
    FOR EACH ROW EXECUTE FUNCTION episode_search_document();
