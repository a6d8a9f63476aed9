-- What a connector receives and how: its subscription (JSON, null for none: then only alerts marked for it by hand),
-- whether it receives its own changes back, the change feed sequence it has acknowledged (changes after it are
-- delivered again until acknowledged), and an optional webhook with its secret sealed under the host's credential
-- key, and how pushing to it went.
ALTER TABLE connectors ADD COLUMN subscription TEXT;
ALTER TABLE connectors ADD COLUMN receive_own_changes INTEGER NOT NULL DEFAULT 0 CHECK (receive_own_changes IN (0, 1));
ALTER TABLE connectors ADD COLUMN acked_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connectors ADD COLUMN webhook_url TEXT;
ALTER TABLE connectors ADD COLUMN webhook_secret BLOB;
ALTER TABLE connectors ADD COLUMN webhook_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connectors ADD COLUMN webhook_last_error TEXT;
ALTER TABLE connectors ADD COLUMN webhook_last_attempt INTEGER;
ALTER TABLE connectors ADD COLUMN webhook_last_delivery INTEGER;

-- The alerts a connector acknowledged: the first of their changes it was given and the last it acknowledged. Written
-- with each acknowledgement, in its transaction; an alert here keeps following the connector. (What is handed out
-- and not yet acknowledged is known to the serving process only: after a restart it is handed out again.)
CREATE TABLE connector_alerts (
    connector_id       BLOB    NOT NULL,
    alert_id           BLOB    NOT NULL,
    first_sequence     INTEGER NOT NULL,
    delivered_sequence INTEGER NOT NULL,
    PRIMARY KEY (connector_id, alert_id)
) WITHOUT ROWID, STRICT;
