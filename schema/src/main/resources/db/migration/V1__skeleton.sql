-- Vigil schema, version 1: the walking skeleton.
-- High-volume append-only streams (event_journal, event_classification, rule_firing,
-- element_status_change) are written with JDBC batches and carry no secondary index they do
-- not need: every index costs insert throughput.

-- Every event that got a 202 (or was read from syslog). Ids are assigned by the journal writer
-- (one writer per node), so a whole batch is one bulk INSERT without generated-key round trips.
CREATE TABLE event_journal (
  id           BIGINT       NOT NULL PRIMARY KEY,
  received_at  DATETIME(3)  NOT NULL,
  occurred_at  DATETIME(3)  NOT NULL,
  transport    VARCHAR(16)  NOT NULL,              -- rest, syslog-udp, syslog-tcp, webhook
  source       VARCHAR(255) NOT NULL,
  resource     VARCHAR(255) NOT NULL,
  check_name   VARCHAR(255) NOT NULL,
  status       VARCHAR(8)   NULL,                  -- as received: NORMAL|WARNING|CRITICAL|UNKNOWN
  severity     TINYINT      NULL,                  -- syslog severity 0 (emergency) .. 7 (debug)
  message      MEDIUMTEXT   NULL,
  attributes   TEXT         NULL,                  -- JSON object of string -> string
  raw          MEDIUMTEXT   NULL                   -- the syslog line / posted JSON object, verbatim
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What the classify rules decided about each event (category, effective status).
CREATE TABLE event_classification (
  event_id     BIGINT       NOT NULL PRIMARY KEY,
  category     VARCHAR(32)  NOT NULL,
  status       VARCHAR(8)   NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Input that could not become an event (unparseable syslog, ...), kept with the reason.
CREATE TABLE dead_letter (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  received_at  DATETIME(3)  NOT NULL,
  transport    VARCHAR(16)  NOT NULL,
  peer         VARCHAR(255) NULL,
  reason       VARCHAR(1024) NOT NULL,
  raw          MEDIUMBLOB   NOT NULL,
  KEY dead_letter_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Latest status of every element (resource/check), upserted by the outcome writer.
CREATE TABLE element_status (
  resource      VARCHAR(255) NOT NULL,
  check_name    VARCHAR(255) NOT NULL,
  status        VARCHAR(8)   NOT NULL,
  since         DATETIME(3)  NOT NULL,             -- when it entered this status (session clock)
  last_event_id BIGINT       NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (resource, check_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every status change of an element, append-only.
CREATE TABLE element_status_change (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  resource      VARCHAR(255) NOT NULL,
  check_name    VARCHAR(255) NOT NULL,
  status        VARCHAR(8)   NOT NULL,
  previous      VARCHAR(8)   NULL,
  changed_at    DATETIME(3)  NOT NULL,
  event_id      BIGINT       NOT NULL,
  KEY element_status_change_element (resource, check_name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The audit trail: one row per rule firing, append-only, each row hash-chained to the one
-- before it (hash = SHA-256 over prev_hash and the row's canonical text). Ids come from the
-- engine, in firing order.
CREATE TABLE rule_firing (
  id              BIGINT        NOT NULL PRIMARY KEY,
  fired_at        DATETIME(3)   NOT NULL,          -- session clock
  rule_name       VARCHAR(255)  NOT NULL,
  rule_package    VARCHAR(255)  NOT NULL,
  ruleset_version CHAR(64)      NOT NULL,          -- SHA-256 of the rule set's sources
  facts           MEDIUMTEXT    NOT NULL,          -- JSON array of {type, id, summary}
  event_ids       MEDIUMTEXT    NULL,              -- comma-separated ids of matched events (an accumulate may match thousands)
  outcome         MEDIUMTEXT    NOT NULL,
  prev_hash       CHAR(64)      NOT NULL,
  hash            CHAR(64)      NOT NULL,
  KEY rule_firing_rule (rule_name, id),
  KEY rule_firing_time (fired_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Incidents: one per jBPM incident process instance.
CREATE TABLE incident (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  resource            VARCHAR(255) NOT NULL,
  check_name          VARCHAR(255) NOT NULL,
  title               VARCHAR(1024) NOT NULL,
  state               VARCHAR(16)  NOT NULL,       -- OPEN, ACKNOWLEDGED, RESOLVED
  escalation_level    INT          NOT NULL DEFAULT 0,
  opened_at           DATETIME(3)  NOT NULL,
  acknowledged_at     DATETIME(3)  NULL,
  acknowledged_by     VARCHAR(255) NULL,
  resolved_at         DATETIME(3)  NULL,
  resolved_by         VARCHAR(255) NULL,
  opened_by_firing_id BIGINT       NULL,
  opened_by_event_id  BIGINT       NULL,
  process_instance_id BIGINT       NOT NULL,
  KEY incident_state (state, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Human steps of incident processes (jBPM work items kept in our own table).
CREATE TABLE incident_task (
  id            BIGINT       NOT NULL PRIMARY KEY, -- allocated by the engine
  incident_id   BIGINT       NOT NULL,
  work_item_id  BIGINT       NULL,                 -- the jBPM work item it stands for, when the writer knows it
  name          VARCHAR(64)  NOT NULL,             -- Acknowledge, Resolve
  state         VARCHAR(16)  NOT NULL,             -- OPEN, COMPLETED, CANCELLED
  opened_at     DATETIME(3)  NOT NULL,
  completed_at  DATETIME(3)  NULL,
  completed_by  VARCHAR(255) NULL,
  KEY incident_task_incident (incident_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What happened to an incident, in order.
CREATE TABLE incident_timeline (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  incident_id  BIGINT       NOT NULL,
  at           DATETIME(3)  NOT NULL,
  kind         VARCHAR(32)  NOT NULL,              -- OPENED, TASK_OPENED, TASK_COMPLETED, ESCALATED, ACKNOWLEDGED, RESOLVED
  text         VARCHAR(2048) NOT NULL,
  actor        VARCHAR(255) NULL,
  firing_id    BIGINT       NULL,
  KEY incident_timeline_incident (incident_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- How far the engine got, and the marshalled session it can restart from. One row (id = 1).
-- The checkpoint moves in the same transaction as the outcomes of the batch it names; a
-- snapshot is written (in that same transaction) whenever a batch changed process state.
-- write_seq counts the outcome writer's transactions: when a commit fails ambiguously (the
-- connection drops during COMMIT), the retry reads it to tell whether the first try landed.
CREATE TABLE engine_checkpoint (
  id                 TINYINT     NOT NULL PRIMARY KEY,
  last_event_id      BIGINT      NOT NULL,
  last_firing_id     BIGINT      NOT NULL,
  write_seq          BIGINT      NOT NULL,
  updated_at         DATETIME(3) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE engine_snapshot (
  id                 TINYINT     NOT NULL PRIMARY KEY,
  last_event_id      BIGINT      NOT NULL,
  ruleset_version    CHAR(64)    NOT NULL,
  session_clock      BIGINT      NOT NULL,          -- session clock (epoch ms) when taken
  taken_at           DATETIME(3) NOT NULL,
  session            LONGBLOB    NOT NULL
) ENGINE=InnoDB;

-- Console users (form login and HTTP Basic) and API tokens (bearer), both stored hashed.
CREATE TABLE app_user (
  username       VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash  VARCHAR(255) NOT NULL,
  roles          VARCHAR(255) NOT NULL,            -- comma-separated: ADMIN,OPERATOR,...
  enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE api_token (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(128) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  token_hash    CHAR(64)     NOT NULL,             -- SHA-256 hex of the token
  created_at    DATETIME(3)  NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  last_used_at  DATETIME(3)  NULL,
  revoked_at    DATETIME(3)  NULL,
  UNIQUE KEY api_token_hash (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
