-- Agentless-managed computers added through the API (`mh computer add`): where each is reached, over which
-- protocol, and the Run As account it was added with (its object assignment lives in run_as_assignments and is
-- written in the same transaction). name_key is the name in upper case: names are unique whatever their case.
-- Ids are 16-byte BLOBs (.NET Guid byte order); times are INTEGER microseconds since the Unix epoch, UTC.
CREATE TABLE managed_computers (
    name_key          TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    protocol          TEXT    NOT NULL CHECK (protocol IN ('wsman', 'ssh', 'snmp')),
    address           TEXT    NOT NULL,
    port              INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    options           INTEGER NOT NULL, -- 1 HTTPS, 2 trust the SSH host key on first use, 4 skip the certificate check
    class_name        TEXT    NOT NULL,
    object_id         BLOB    NOT NULL,
    run_as_account_id BLOB,
    added             INTEGER NOT NULL,
    added_by          TEXT    NOT NULL
) WITHOUT ROWID, STRICT;
