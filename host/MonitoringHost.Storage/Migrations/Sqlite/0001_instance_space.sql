-- The instance space: monitoring objects, relationship instances, the claims that keep them alive, and the change
-- feed. Ids are 16-byte BLOBs (.NET Guid byte order). Times are UTC, as INTEGER microseconds since
-- 1970-01-01T00:00:00Z (read them with strftime('%Y-%m-%dT%H:%M:%fZ', created / 1e6, 'unixepoch')).
-- Only primary keys: the store is loaded whole at start and the feed is paged by its sequence.

CREATE TABLE objects (
    id            BLOB    NOT NULL PRIMARY KEY,
    class_name    TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    host_id       BLOB,
    properties    TEXT    NOT NULL, -- JSON object: property ID -> invariant text
    created       INTEGER NOT NULL,
    last_modified INTEGER NOT NULL
) STRICT;

CREATE TABLE relationships (
    id        BLOB    NOT NULL PRIMARY KEY,
    type_name TEXT    NOT NULL,
    source_id BLOB    NOT NULL,
    target_id BLOB    NOT NULL,
    created   INTEGER NOT NULL
) STRICT;

CREATE TABLE claims (
    source  TEXT    NOT NULL,
    kind    INTEGER NOT NULL, -- 0 object, 1 relationship
    item_id BLOB    NOT NULL,
    PRIMARY KEY (source, kind, item_id)
) WITHOUT ROWID, STRICT;

-- AUTOINCREMENT: a sequence number is never reused, even after the newest entries are pruned.
CREATE TABLE change_feed (
    sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    subject_id BLOB    NOT NULL,
    time       INTEGER NOT NULL,
    payload    TEXT    NOT NULL
) STRICT;
