-- Health, alerts and maintenance: what the health model, the alert manager and maintenance mode keep between
-- restarts. Times are timestamptz (UTC, microseconds). JSON columns hold text of one JSON value (cast to jsonb to
-- query them).

-- The current state of each monitor on each object (health: 0 Uninitialized, 1 Success, 2 Warning, 3 Error).
CREATE TABLE monitor_states (
    object_id          uuid        NOT NULL,
    monitor_id         text        NOT NULL,
    health_state       integer     NOT NULL,
    monitor_type_state text,                 -- the unit monitor's monitor type state; null for rollups
    last_changed       timestamptz NOT NULL,
    PRIMARY KEY (object_id, monitor_id)
);

-- Every health change, appended and never updated; the index serves "an object's state changes since T".
CREATE TABLE state_changes (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_id  uuid        NOT NULL,
    monitor_id text        NOT NULL,
    old_state  integer     NOT NULL,
    new_state  integer     NOT NULL,
    time       timestamptz NOT NULL,
    context    text                  -- the data item that caused it, as XML
);

CREATE INDEX state_changes_by_object ON state_changes (object_id, time);

-- Alerts, open and closed (resolution state 255), with SCOM's fields. version goes up with every change (the ETag).
CREATE TABLE alerts (
    id                             uuid        NOT NULL PRIMARY KEY,
    name                           text        NOT NULL,
    description                    text        NOT NULL,
    severity                       integer     NOT NULL, -- 0 Information, 1 Warning, 2 Error
    priority                       integer     NOT NULL, -- 0 Low, 1 Normal, 2 High
    resolution_state               integer     NOT NULL, -- 0 New, 255 Closed, 1-254 others
    category                       text,
    monitoring_object_id           uuid        NOT NULL,
    monitoring_object_display_name text        NOT NULL,
    monitoring_object_path         text        NOT NULL,
    monitoring_class_id            text        NOT NULL,
    is_monitor_alert               boolean     NOT NULL,
    rule_or_monitor_id             text        NOT NULL,
    problem_id                     uuid        NOT NULL,
    repeat_count                   integer     NOT NULL,
    owner                          text,
    ticket_id                      text,
    custom_field1                  text,
    custom_field2                  text,
    custom_field3                  text,
    custom_field4                  text,
    custom_field5                  text,
    custom_field6                  text,
    custom_field7                  text,
    custom_field8                  text,
    custom_field9                  text,
    custom_field10                 text,
    context                        text,                 -- the data item that raised it, as XML
    parameters                     text        NOT NULL, -- JSON array of texts
    suppression                    text        NOT NULL, -- JSON array of texts
    time_raised                    timestamptz NOT NULL,
    time_added                     timestamptz NOT NULL,
    last_modified                  timestamptz NOT NULL,
    last_modified_by               text        NOT NULL,
    time_resolved                  timestamptz,
    resolved_by                    text,
    connector_id                   uuid,
    version                        bigint      NOT NULL
);

-- At most one open alert per monitor and object: the database refuses a second one whoever writes it.
CREATE UNIQUE INDEX alerts_one_open_per_monitor ON alerts (rule_or_monitor_id, monitoring_object_id)
    WHERE is_monitor_alert AND resolution_state <> 255;

-- Paging by (last_modified, id): all alerts, or the open ones (also what a starting host loads).
CREATE INDEX alerts_by_modified ON alerts (last_modified, id);
CREATE INDEX alerts_open_by_modified ON alerts (last_modified, id) WHERE resolution_state <> 255;

-- What each change of an alert changed: changes is a JSON object, field -> [old, new] (texts or null).
CREATE TABLE alert_history (
    alert_id        uuid        NOT NULL,
    version         bigint      NOT NULL, -- the alert's version after the change
    time            timestamptz NOT NULL,
    changed_by      text        NOT NULL,
    changed_by_kind text        NOT NULL, -- user, connector, system
    changes         text        NOT NULL,
    comment         text,
    PRIMARY KEY (alert_id, version)
);

-- 0 New and 255 Closed are fixed; 1-254 built-in or custom.
CREATE TABLE resolution_states (
    code integer NOT NULL PRIMARY KEY CHECK (code BETWEEN 0 AND 255),
    name text    NOT NULL
);

INSERT INTO resolution_states (code, name) VALUES
    (0, 'New'), (247, 'Awaiting Evidence'), (248, 'Assigned to Engineering'), (249, 'Acknowledged'),
    (250, 'Scheduled'), (254, 'Resolved'), (255, 'Closed');

-- Objects in maintenance now (a row per object; recursive maintenance names its root). A row is deleted when the
-- maintenance ends.
CREATE TABLE maintenance_windows (
    object_id      uuid        NOT NULL PRIMARY KEY,
    root_object_id uuid        NOT NULL,
    start_time     timestamptz NOT NULL,
    until_time     timestamptz NOT NULL,
    reason         integer     NOT NULL, -- MaintenanceReason, SCOM's numbers
    comment        text,
    started_by     text        NOT NULL,
    is_recursive   boolean     NOT NULL
);

-- Recurring maintenance: a cron expression or an RRULE in an IANA time zone, each occurrence lasting duration_seconds,
-- for the objects in targets (JSON array of ids as text).
CREATE TABLE maintenance_schedules (
    id               uuid        NOT NULL PRIMARY KEY,
    name             text        NOT NULL,
    recurrence       text        NOT NULL,
    time_zone        text        NOT NULL,
    duration_seconds bigint      NOT NULL,
    targets          text        NOT NULL,
    is_recursive     boolean     NOT NULL,
    reason           integer     NOT NULL,
    comment          text,
    enabled          boolean     NOT NULL,
    created          timestamptz NOT NULL,
    modified         timestamptz NOT NULL
);
