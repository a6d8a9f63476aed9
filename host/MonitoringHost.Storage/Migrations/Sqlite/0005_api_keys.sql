-- API keys: who may call the HTTP API and in which role. Only a SHA-256 hash of each key is kept (the key text is
-- shown once, when it is created); prefix is its first characters, enough to recognise a key in a list and to find
-- its row, never enough to use it. Ids are 16-byte BLOBs (.NET Guid byte order); times are INTEGER microseconds since
-- the Unix epoch, UTC.
CREATE TABLE api_keys (
    id           BLOB    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('Administrator', 'Author', 'Operator', 'ReadOnlyOperator', 'Connector')),
    connector_id BLOB,             -- the connector a Connector key is limited to; null for the other roles
    key_hash     BLOB    NOT NULL, -- SHA-256 of the key text (UTF-8)
    prefix       TEXT    NOT NULL,
    created      INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    last_used    INTEGER,          -- updated at most once a minute
    revoked      INTEGER,          -- when it was revoked; null while it is valid
    CHECK ((role = 'Connector') = (connector_id IS NOT NULL))
) STRICT;

-- A name names one valid key; revoked keys keep theirs, so a name can be reused after a revocation.
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked IS NULL;

-- How a presented key finds its row.
CREATE INDEX api_keys_by_prefix ON api_keys (prefix) WHERE revoked IS NULL;
