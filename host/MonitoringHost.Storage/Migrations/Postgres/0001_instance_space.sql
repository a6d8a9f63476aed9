-- The instance space: monitoring objects, relationship instances, the claims that keep them alive, and the change
-- feed. Times are timestamptz (UTC, microseconds). Properties are JSON text (cast to jsonb to query them).
-- Only primary keys: the store is loaded whole at start and the feed is paged by its sequence.

CREATE TABLE objects (
    id            uuid        NOT NULL PRIMARY KEY,
    class_name    text        NOT NULL,
    display_name  text        NOT NULL,
    path          text        NOT NULL,
    host_id       uuid,
    properties    text        NOT NULL, -- JSON object: property ID -> invariant text
    created       timestamptz NOT NULL,
    last_modified timestamptz NOT NULL
);

CREATE TABLE relationships (
    id        uuid        NOT NULL PRIMARY KEY,
    type_name text        NOT NULL,
    source_id uuid        NOT NULL,
    target_id uuid        NOT NULL,
    created   timestamptz NOT NULL
);

CREATE TABLE claims (
    source  text     NOT NULL,
    kind    smallint NOT NULL, -- 0 object, 1 relationship
    item_id uuid     NOT NULL,
    PRIMARY KEY (source, kind, item_id)
);

-- Writers take LOCK TABLE change_feed IN EXCLUSIVE MODE before writing, so sequence numbers follow commit order.
CREATE TABLE change_feed (
    sequence   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text        NOT NULL,
    subject_id uuid        NOT NULL,
    time       timestamptz NOT NULL,
    payload    text        NOT NULL
);
