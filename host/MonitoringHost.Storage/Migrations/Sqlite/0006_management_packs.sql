-- Management packs imported through the API, kept as imported (the XML bytes exactly as uploaded) and loaded at
-- every start together with the shipped library packs and the packs given on the command line. name is the pack's
-- ID; version is its four-part version as text; times are INTEGER microseconds since the Unix epoch, UTC.
CREATE TABLE management_packs (
    name             TEXT    NOT NULL PRIMARY KEY,
    version          TEXT    NOT NULL,
    sealed           INTEGER NOT NULL CHECK (sealed IN (0, 1)),
    public_key_token TEXT,             -- the key of a sealed pack (an upgrade of a sealed pack keeps it); null otherwise
    xml              BLOB    NOT NULL,
    imported_at      INTEGER NOT NULL,
    imported_by      TEXT    NOT NULL
) STRICT;
