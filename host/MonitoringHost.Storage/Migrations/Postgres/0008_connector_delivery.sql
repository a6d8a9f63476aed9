-- What a connector receives and how: its subscription (JSON, null for none: then only alerts marked for it by hand),
-- whether it receives its own changes back, the change feed sequence it has acknowledged (changes after it are
-- delivered again until acknowledged), and an optional webhook with its secret sealed under the host's credential
-- key, and how pushing to it went.
ALTER TABLE connectors
    ADD COLUMN subscription         text,
    ADD COLUMN receive_own_changes  boolean     NOT NULL DEFAULT false,
    ADD COLUMN acked_sequence       bigint      NOT NULL DEFAULT 0,
    ADD COLUMN webhook_url          text,
    ADD COLUMN webhook_secret       bytea,
    ADD COLUMN webhook_failures     integer     NOT NULL DEFAULT 0,
    ADD COLUMN webhook_last_error   text,
    ADD COLUMN webhook_last_attempt timestamptz,
    ADD COLUMN webhook_last_delivery timestamptz;

-- The alerts a connector acknowledged: the first of their changes it was given and the last it acknowledged. Written
-- with each acknowledgement, in its transaction; an alert here keeps following the connector. (What is handed out
-- and not yet acknowledged is known to the serving process only: after a restart it is handed out again.)
CREATE TABLE connector_alerts (
    connector_id       uuid    NOT NULL,
    alert_id           uuid    NOT NULL,
    first_sequence     bigint  NOT NULL,
    delivered_sequence bigint  NOT NULL,
    PRIMARY KEY (connector_id, alert_id)
);
