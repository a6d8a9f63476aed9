-- Connectors registered through the API: programs that take alerts to other systems and push discovery data of
-- their own. A vendor pins the id so that a reinstall finds the same connector; the name is unique. Ids are 16-byte
-- BLOBs (.NET Guid byte order); times are INTEGER microseconds since the Unix epoch, UTC.
CREATE TABLE connectors (
    id                  BLOB    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE,
    display_name        TEXT    NOT NULL,
    description         TEXT,
    owns_discovery_data INTEGER NOT NULL CHECK (owns_discovery_data IN (0, 1)),
    enabled             INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    created             INTEGER NOT NULL,
    created_by          TEXT    NOT NULL,
    modified            INTEGER NOT NULL
) STRICT;
