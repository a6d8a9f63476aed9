-- What collection rules collect: performance samples and events, each with the workflow that collected it and the
-- object it ran for. Times are timestamptz (UTC, microseconds). Rows are only ever appended; the index serves
-- "samples of this object and counter between two times".

CREATE TABLE performance_samples (
    id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_id   text             NOT NULL,
    target_id     uuid             NOT NULL,
    object_name   text             NOT NULL,
    counter_name  text             NOT NULL,
    instance_name text             NOT NULL,
    value         double precision,          -- null: the counter could not be read (IsNull)
    time_sampled  timestamptz      NOT NULL
);

CREATE INDEX performance_samples_by_counter ON performance_samples (object_name, counter_name, time_sampled);

CREATE TABLE collected_events (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_id      text        NOT NULL,
    target_id        uuid        NOT NULL,
    time             timestamptz NOT NULL,
    type_name        text        NOT NULL,
    event_number     bigint,
    event_level      integer,
    event_category   integer,
    channel          text,
    publisher_name   text,
    logging_computer text,
    user_name        text,
    description      text
);

CREATE INDEX collected_events_by_target ON collected_events (target_id, time);
