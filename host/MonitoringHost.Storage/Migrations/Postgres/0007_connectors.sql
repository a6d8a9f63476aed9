-- Connectors registered through the API: programs that take alerts to other systems and push discovery data of
-- their own. A vendor pins the id so that a reinstall finds the same connector; the name is unique. Times are
-- timestamptz (UTC, microseconds).
CREATE TABLE connectors (
    id                  uuid        NOT NULL PRIMARY KEY,
    name                text        NOT NULL,
    display_name        text        NOT NULL,
    description         text,
    owns_discovery_data boolean     NOT NULL,
    enabled             boolean     NOT NULL,
    created             timestamptz NOT NULL,
    created_by          text        NOT NULL,
    modified            timestamptz NOT NULL,
    CONSTRAINT connectors_name UNIQUE (name)
);
