-- Run As accounts and profile assignments. An account's secret is only ever stored as the runtime's AES-256-GCM
-- envelope (format version, nonce, tag, ciphertext), authenticated together with the account's id and kind: the
-- key stays with the host (its key file), never in the database. Times are timestamptz (UTC, microseconds).

CREATE TABLE run_as_accounts (
    id       uuid        NOT NULL PRIMARY KEY,
    name     text        NOT NULL,
    kind     text        NOT NULL, -- Windows, Basic, SshKey, SnmpCommunity, Certificate, Generic
    secret   bytea       NOT NULL,
    modified timestamptz NOT NULL
);

-- A profile (Pack!SecureReference) mapped to an account for a class (scope_value: class ID), a group or an object
-- (scope_value: its GUID as text). Deleting an account deletes its assignments in the same transaction.
CREATE TABLE run_as_assignments (
    profile     text     NOT NULL,
    scope       smallint NOT NULL, -- 0 class, 1 group, 2 object
    scope_value text     NOT NULL,
    account_id  uuid     NOT NULL,
    PRIMARY KEY (profile, scope, scope_value)
);
