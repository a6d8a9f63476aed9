-- Health, alerts and maintenance: what the health model, the alert manager and maintenance mode keep between
-- restarts. Ids are 16-byte BLOBs (.NET Guid byte order); times are INTEGER microseconds since the Unix epoch, UTC;
-- booleans are INTEGER 0/1. JSON columns hold text of one JSON value.

-- The current state of each monitor on each object (health: 0 Uninitialized, 1 Success, 2 Warning, 3 Error).
CREATE TABLE monitor_states (
    object_id          BLOB    NOT NULL,
    monitor_id         TEXT    NOT NULL,
    health_state       INTEGER NOT NULL,
    monitor_type_state TEXT,             -- the unit monitor's monitor type state; null for rollups
    last_changed       INTEGER NOT NULL,
    PRIMARY KEY (object_id, monitor_id)
) WITHOUT ROWID, STRICT;

-- Every health change, appended and never updated; the index serves "an object's state changes since T".
CREATE TABLE state_changes (
    id         INTEGER PRIMARY KEY,
    object_id  BLOB    NOT NULL,
    monitor_id TEXT    NOT NULL,
    old_state  INTEGER NOT NULL,
    new_state  INTEGER NOT NULL,
    time       INTEGER NOT NULL,
    context    TEXT              -- the data item that caused it, as XML
) STRICT;

CREATE INDEX state_changes_by_object ON state_changes (object_id, time);

-- Alerts, open and closed (resolution state 255), with SCOM's fields. version goes up with every change (the ETag).
CREATE TABLE alerts (
    id                             BLOB    NOT NULL PRIMARY KEY,
    name                           TEXT    NOT NULL,
    description                    TEXT    NOT NULL,
    severity                       INTEGER NOT NULL, -- 0 Information, 1 Warning, 2 Error
    priority                       INTEGER NOT NULL, -- 0 Low, 1 Normal, 2 High
    resolution_state               INTEGER NOT NULL, -- 0 New, 255 Closed, 1-254 others
    category                       TEXT,
    monitoring_object_id           BLOB    NOT NULL,
    monitoring_object_display_name TEXT    NOT NULL,
    monitoring_object_path         TEXT    NOT NULL,
    monitoring_class_id            TEXT    NOT NULL,
    is_monitor_alert               INTEGER NOT NULL,
    rule_or_monitor_id             TEXT    NOT NULL,
    problem_id                     BLOB    NOT NULL,
    repeat_count                   INTEGER NOT NULL,
    owner                          TEXT,
    ticket_id                      TEXT,
    custom_field1                  TEXT,
    custom_field2                  TEXT,
    custom_field3                  TEXT,
    custom_field4                  TEXT,
    custom_field5                  TEXT,
    custom_field6                  TEXT,
    custom_field7                  TEXT,
    custom_field8                  TEXT,
    custom_field9                  TEXT,
    custom_field10                 TEXT,
    context                        TEXT,             -- the data item that raised it, as XML
    parameters                     TEXT    NOT NULL, -- JSON array of texts
    suppression                    TEXT    NOT NULL, -- JSON array of texts
    time_raised                    INTEGER NOT NULL,
    time_added                     INTEGER NOT NULL,
    last_modified                  INTEGER NOT NULL,
    last_modified_by               TEXT    NOT NULL,
    time_resolved                  INTEGER,
    resolved_by                    TEXT,
    connector_id                   BLOB,
    version                        INTEGER NOT NULL
) STRICT;

-- At most one open alert per monitor and object: the database refuses a second one whoever writes it.
CREATE UNIQUE INDEX alerts_one_open_per_monitor ON alerts (rule_or_monitor_id, monitoring_object_id)
    WHERE is_monitor_alert AND resolution_state <> 255;

-- Paging by (last_modified, id): all alerts, or the open ones (also what a starting host loads).
CREATE INDEX alerts_by_modified ON alerts (last_modified, id);
CREATE INDEX alerts_open_by_modified ON alerts (last_modified, id) WHERE resolution_state <> 255;

-- What each change of an alert changed: changes is a JSON object, field -> [old, new] (texts or null).
CREATE TABLE alert_history (
    alert_id        BLOB    NOT NULL,
    version         INTEGER NOT NULL, -- the alert's version after the change
    time            INTEGER NOT NULL,
    changed_by      TEXT    NOT NULL,
    changed_by_kind TEXT    NOT NULL, -- user, connector, system
    changes         TEXT    NOT NULL,
    comment         TEXT,
    PRIMARY KEY (alert_id, version)
) WITHOUT ROWID, STRICT;

-- 0 New and 255 Closed are fixed; 1-254 built-in or custom.
CREATE TABLE resolution_states (
    code INTEGER NOT NULL PRIMARY KEY CHECK (code BETWEEN 0 AND 255),
    name TEXT    NOT NULL
) STRICT;

INSERT INTO resolution_states (code, name) VALUES
    (0, 'New'), (247, 'Awaiting Evidence'), (248, 'Assigned to Engineering'), (249, 'Acknowledged'),
    (250, 'Scheduled'), (254, 'Resolved'), (255, 'Closed');

-- Objects in maintenance now (a row per object; recursive maintenance names its root). A row is deleted when the
-- maintenance ends.
CREATE TABLE maintenance_windows (
    object_id      BLOB    NOT NULL PRIMARY KEY,
    root_object_id BLOB    NOT NULL,
    start_time     INTEGER NOT NULL,
    until_time     INTEGER NOT NULL,
    reason         INTEGER NOT NULL, -- MaintenanceReason, SCOM's numbers
    comment        TEXT,
    started_by     TEXT    NOT NULL,
    is_recursive   INTEGER NOT NULL
) STRICT;

-- Recurring maintenance: a cron expression or an RRULE in an IANA time zone, each occurrence lasting duration_seconds,
-- for the objects in targets (JSON array of ids as text).
CREATE TABLE maintenance_schedules (
    id               BLOB    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    recurrence       TEXT    NOT NULL,
    time_zone        TEXT    NOT NULL,
    duration_seconds INTEGER NOT NULL,
    targets          TEXT    NOT NULL,
    is_recursive     INTEGER NOT NULL,
    reason           INTEGER NOT NULL,
    comment          TEXT,
    enabled          INTEGER NOT NULL,
    created          INTEGER NOT NULL,
    modified         INTEGER NOT NULL
) STRICT;
