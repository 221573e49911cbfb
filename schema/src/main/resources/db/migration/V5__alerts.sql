-- Vigil schema, version 5: alerts.

-- One row per alert: a deduplicated, stateful problem (a dedup key's reports while it is active,
-- a service in WARNING/CRITICAL, a service below its SLA). Ids are the engine's; the row is written
-- whole at every change (the engine's view of the alert), so it is what the engine last said.
-- Cleared alerts stay: they are history, and a new problem for the key is a new alert.
CREATE TABLE alert (
  id               BIGINT        NOT NULL PRIMARY KEY,
  alert_key        VARCHAR(512)  NOT NULL,
  kind             VARCHAR(16)   NOT NULL,             -- EVENT, SERVICE, SLA
  resource         VARCHAR(255)  NULL,                 -- EVENT alerts
  check_name       VARCHAR(255)  NULL,
  service          VARCHAR(255)  NULL,                 -- SERVICE and SLA alerts
  source           VARCHAR(255)  NULL,
  category         VARCHAR(32)   NULL,
  status           VARCHAR(16)   NOT NULL,             -- NORMAL once cleared
  previous_status  VARCHAR(16)   NULL,
  severity         TINYINT       NULL,                 -- syslog code of the report that set the status
  state            VARCHAR(16)   NOT NULL,             -- OPEN, ACKNOWLEDGED, SHELVED, CLEARED
  report_count     BIGINT        NOT NULL,
  first_seen       DATETIME(3)   NOT NULL,
  last_seen        DATETIME(3)   NOT NULL,
  last_event_id    BIGINT        NULL,
  message          VARCHAR(1024) NULL,
  acknowledged_by  VARCHAR(255)  NULL,
  assignee         VARCHAR(255)  NULL,
  shelved_until    DATETIME(3)   NULL,
  confirmation     VARCHAR(16)   NOT NULL,             -- NOT_NEEDED, UNCONFIRMED, CONFIRMED, NOT_CONFIRMED
  failing_locations VARCHAR(1024) NULL,                -- comma-separated, for alerts that need confirmation
  suppressed_by    VARCHAR(255)  NULL,                 -- the CRITICAL parent resource it depends on
  silenced_by      VARCHAR(64)   NULL,                 -- the silence's id
  flapping         BOOLEAN       NOT NULL,
  changed_at       DATETIME(3)   NOT NULL,             -- the last change, session clock
  KEY alert_state (state, id),
  KEY alert_status (status, id),
  KEY alert_key_id (alert_key(191), id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What happened to each alert, in order: opened, status changes, acknowledgements, shelving,
-- assignment, notes, clearing. Repeats only move the alert's count and are not lines here.
CREATE TABLE alert_history (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  alert_id   BIGINT        NOT NULL,
  at         DATETIME(3)   NOT NULL,
  kind       VARCHAR(32)   NOT NULL,
  status     VARCHAR(16)   NOT NULL,                   -- the alert's status and state after the change
  state      VARCHAR(16)   NOT NULL,
  detail     VARCHAR(2048) NULL,
  actor      VARCHAR(255)  NULL,                       -- the person behind a command; null for the rules
  event_id   BIGINT        NULL,
  firing_id  BIGINT        NULL,
  KEY alert_history_alert (alert_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Silences made through the API (those of the services-as-code document live in the document).
-- Ids are the engine's. Active from starts_at until ends_at, or until expired early.
CREATE TABLE silence (
  id          BIGINT        NOT NULL PRIMARY KEY,
  matchers    VARCHAR(4096) NOT NULL,                  -- one matcher per line, as written
  starts_at   DATETIME(3)   NOT NULL,
  ends_at     DATETIME(3)   NOT NULL,
  comment     VARCHAR(1024) NOT NULL,
  created_by  VARCHAR(255)  NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  expired_at  DATETIME(3)   NULL,
  expired_by  VARCHAR(255)  NULL,
  KEY silence_ends (ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
