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

-- Per alert and connector: the alerts handed to the connector, the last change of each handed out (and how many
-- times it was), and the last change acknowledged. Pending while delivered_sequence < last_sequence.
CREATE TABLE connector_alerts (
    connector_id       BLOB    NOT NULL,
    alert_id           BLOB    NOT NULL,
    first_sequence     INTEGER NOT NULL,
    last_sequence      INTEGER NOT NULL,
    delivered_sequence INTEGER NOT NULL,
    attempts           INTEGER NOT NULL,
    PRIMARY KEY (connector_id, alert_id)
) WITHOUT ROWID, STRICT;

CREATE INDEX connector_alerts_pending ON connector_alerts (connector_id, last_sequence) WHERE delivered_sequence < last_sequence;
CREATE INDEX connector_alerts_by_alert ON connector_alerts (alert_id);
