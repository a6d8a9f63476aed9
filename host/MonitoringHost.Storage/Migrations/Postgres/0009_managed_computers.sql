-- Agentless-managed computers added through the API (`mh computer add`): where each is reached, over which
-- protocol, and the Run As account it was added with (its object assignment lives in run_as_assignments and is
-- written in the same transaction). name_key is the name in upper case: names are unique whatever their case.
CREATE TABLE managed_computers (
    name_key          text        NOT NULL PRIMARY KEY,
    name              text        NOT NULL,
    protocol          text        NOT NULL CHECK (protocol IN ('wsman', 'ssh', 'snmp')),
    address           text        NOT NULL,
    port              integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    options           integer     NOT NULL, -- 1 HTTPS, 2 trust the SSH host key on first use, 4 skip the certificate check
    class_name        text        NOT NULL,
    object_id         uuid        NOT NULL,
    run_as_account_id uuid,
    added             timestamptz NOT NULL,
    added_by          text        NOT NULL
);
