-- Run As accounts and profile assignments. An account's secret is only ever stored as the runtime's AES-256-GCM
-- envelope (format version, nonce, tag, ciphertext), authenticated together with the account's id and kind: the
-- key stays with the host (its key file), never in the database. Ids are 16-byte BLOBs (.NET Guid byte order);
-- times are INTEGER microseconds since the Unix epoch, UTC.

CREATE TABLE run_as_accounts (
    id       BLOB    NOT NULL PRIMARY KEY,
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL, -- Windows, Basic, SshKey, SnmpCommunity, Certificate, Generic
    secret   BLOB    NOT NULL,
    modified INTEGER NOT NULL
) STRICT;

-- A profile (Pack!SecureReference) mapped to an account for a class (scope_value: class ID), a group or an object
-- (scope_value: its GUID as text). Deleting an account deletes its assignments in the same transaction.
CREATE TABLE run_as_assignments (
    profile     TEXT    NOT NULL,
    scope       INTEGER NOT NULL, -- 0 class, 1 group, 2 object
    scope_value TEXT    NOT NULL,
    account_id  BLOB    NOT NULL,
    PRIMARY KEY (profile, scope, scope_value)
) WITHOUT ROWID, STRICT;
