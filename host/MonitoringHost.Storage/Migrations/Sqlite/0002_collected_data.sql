-- What collection rules collect: performance samples and events, each with the workflow that collected it and the
-- object it ran for. Ids and times as in 0001. Rows are only ever appended; the index serves "samples of this
-- object and counter between two times".

CREATE TABLE performance_samples (
    id            INTEGER PRIMARY KEY,
    workflow_id   TEXT    NOT NULL,
    target_id     BLOB    NOT NULL,
    object_name   TEXT    NOT NULL,
    counter_name  TEXT    NOT NULL,
    instance_name TEXT    NOT NULL,
    value         REAL,             -- null: the counter could not be read (IsNull)
    time_sampled  INTEGER NOT NULL
) STRICT;

CREATE INDEX performance_samples_by_counter ON performance_samples (object_name, counter_name, time_sampled);

CREATE TABLE collected_events (
    id               INTEGER PRIMARY KEY,
    workflow_id      TEXT    NOT NULL,
    target_id        BLOB    NOT NULL,
    time             INTEGER NOT NULL,
    type_name        TEXT    NOT NULL,
    event_number     INTEGER,
    event_level      INTEGER,
    event_category   INTEGER,
    channel          TEXT,
    publisher_name   TEXT,
    logging_computer TEXT,
    user_name        TEXT,
    description      TEXT
) STRICT;

CREATE INDEX collected_events_by_target ON collected_events (target_id, time);
