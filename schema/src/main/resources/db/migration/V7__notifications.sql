-- Vigil schema, version 7: notification and escalation.

-- The escalation policies, on-call schedules, users and channels document (YAML), replaced as a
-- whole like the service tree. The newest row is the one in force; older rows are its history.
CREATE TABLE policy_document (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version      CHAR(64)      NOT NULL,                 -- SHA-256 of the document text
  document     MEDIUMTEXT    NOT NULL,
  policies     INT           NOT NULL,
  schedules    INT           NOT NULL,
  replaced_by  VARCHAR(255)  NOT NULL,
  replaced_at  DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The outbox: one row per message the engine decided to send (already consolidated: it lists
-- every incident/alert it carries). Written in the same transaction as the engine checkpoint, so
-- a decided notification is never lost; the dispatcher sends it afterwards, outside the engine
-- thread, retrying with backoff until the channel takes it (a duplicate after a crash between
-- sending and marking is possible, a loss is not). Ids are the engine's.
CREATE TABLE notification (
  id               BIGINT        NOT NULL PRIMARY KEY,
  decided_at       DATETIME(3)   NOT NULL,             -- session clock when the consolidation window closed
  recipient        VARCHAR(255)  NOT NULL,             -- user:<name> or channel:<name>
  channel          VARCHAR(255)  NOT NULL,             -- the channel's name in the policy document (email for a user's address)
  channel_type     VARCHAR(16)   NOT NULL,             -- EMAIL, WEBHOOK, SLACK, MATTERMOST
  address          VARCHAR(1024) NOT NULL,             -- e-mail address or URL
  settings         TEXT          NULL,                 -- JSON object: what the channel needs besides the address (e.g. its signing secret)
  all_clear        BOOLEAN       NOT NULL,             -- every item is a recovery
  level            INT           NOT NULL,             -- the highest escalation level among the items (0 for an all-clear only)
  policy           VARCHAR(255)  NULL,
  subject          VARCHAR(1024) NOT NULL,
  items            MEDIUMTEXT    NOT NULL,             -- JSON array of the items (incident, alert, title, status, all-clear…)
  state            VARCHAR(16)   NOT NULL,             -- PENDING, SENT
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(3)   NOT NULL,
  last_error       VARCHAR(2048) NULL,
  sent_at          DATETIME(3)   NULL,
  KEY notification_due (state, next_attempt_at),
  KEY notification_recipient (recipient(191), id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which incidents and alerts each notification carries, to find them from an incident or alert.
CREATE TABLE notification_item (
  notification_id  BIGINT   NOT NULL,
  position         INT      NOT NULL,
  incident_id      BIGINT   NULL,
  alert_id         BIGINT   NULL,
  all_clear        BOOLEAN  NOT NULL,
  PRIMARY KEY (notification_id, position),
  KEY notification_item_incident (incident_id),
  KEY notification_item_alert (alert_id)
) ENGINE=InnoDB;

-- Every delivery attempt, successful or not, with what the channel answered.
CREATE TABLE notification_attempt (
  notification_id  BIGINT        NOT NULL,
  attempt          INT           NOT NULL,
  at               DATETIME(3)   NOT NULL,
  status           VARCHAR(16)   NOT NULL,             -- SENT, FAILED
  detail           VARCHAR(2048) NULL,                 -- the error, or the channel's answer (e.g. "HTTP 200", "250 OK")
  duration_ms      INT           NOT NULL,
  PRIMARY KEY (notification_id, attempt)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The incident process's ITSM steps: investigating, closed, the resolution, the assignee, notes,
-- the policy that escalates it and whether escalation is paused.
ALTER TABLE incident
  ADD COLUMN priority          VARCHAR(8)    NOT NULL DEFAULT 'NORMAL' AFTER escalation_level,  -- NORMAL, HIGH
  ADD COLUMN policy            VARCHAR(255)  NULL AFTER priority,
  ADD COLUMN alert_id          BIGINT        NULL AFTER policy,
  ADD COLUMN assignee          VARCHAR(255)  NULL AFTER alert_id,
  ADD COLUMN snoozed_until     DATETIME(3)   NULL AFTER assignee,
  ADD COLUMN resolution_code   VARCHAR(64)   NULL AFTER resolved_by,
  ADD COLUMN resolution_note   VARCHAR(2048) NULL AFTER resolution_code,
  ADD COLUMN closed_at         DATETIME(3)   NULL AFTER resolution_note,
  ADD COLUMN closed_by         VARCHAR(255)  NULL AFTER closed_at;
