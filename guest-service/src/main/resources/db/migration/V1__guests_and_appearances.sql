-- guest-service owns people (the GraphQL type is Guest: hosts are Guests too) and their
-- appearances on episodes. Episodes belong to catalog-service: they are referenced here only by
-- their federation key, never by a foreign key.

-- Trigram index for substring name search (pg_trgm is a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE guest (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    -- name lower-cased, accents stripped and whitespace collapsed by the service: what search
    -- and the default order compare.
    search_name text        NOT NULL,
    slug        text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    honorific   text,
    bio         text,
    projects    text[]      NOT NULL DEFAULT '{}',
    links       text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    CONSTRAINT guest_slug_unique UNIQUE (slug)
);

CREATE INDEX guest_order ON guest (search_name, id);
CREATE INDEX guest_search_name_trgm ON guest USING gin (search_name gin_trgm_ops);

CREATE TABLE appearance (
    id             uuid        PRIMARY KEY,
    guest_id       uuid        NOT NULL REFERENCES guest (id) ON DELETE CASCADE,
    episode_id     text        NOT NULL CHECK (length(episode_id) > 0),
    episode_number integer     CHECK (episode_number > 0),
    role           text        NOT NULL CHECK (role IN ('HOST', 'GUEST')),
    position       integer     NOT NULL CHECK (position >= 0),
    created_at     timestamptz NOT NULL,
    -- One appearance per person per episode: a merge collapses duplicates onto this.
    CONSTRAINT appearance_guest_episode_unique UNIQUE (guest_id, episode_id)
);

CREATE INDEX appearance_episode ON appearance (episode_id, position);

-- A merged-away record leaves its id and slug behind, pointing at the survivor, so references
-- held elsewhere (gateway caches, the importer's slugs) keep resolving.
CREATE TABLE guest_redirect (
    old_id    uuid        PRIMARY KEY,
    old_slug  text        NOT NULL,
    guest_id  uuid        NOT NULL REFERENCES guest (id) ON DELETE CASCADE,
    merged_at timestamptz NOT NULL,
    CONSTRAINT guest_redirect_slug_unique UNIQUE (old_slug)
);

CREATE INDEX guest_redirect_guest ON guest_redirect (guest_id);
