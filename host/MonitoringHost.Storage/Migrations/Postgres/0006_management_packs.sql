-- Management packs imported through the API, kept as imported (the XML bytes exactly as uploaded) and loaded at
-- every start together with the shipped library packs and the packs given on the command line. name is the pack's
-- ID; version is its four-part version as text; times are timestamptz (UTC, microseconds).
CREATE TABLE management_packs (
    name             text        NOT NULL PRIMARY KEY,
    version          text        NOT NULL,
    sealed           boolean     NOT NULL,
    public_key_token text,                 -- the key of a sealed pack (an upgrade of a sealed pack keeps it); null otherwise
    xml              bytea       NOT NULL,
    imported_at      timestamptz NOT NULL,
    imported_by      text        NOT NULL
);
