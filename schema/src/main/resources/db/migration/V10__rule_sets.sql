-- Vigil schema, version 10: rule sets as versioned data.

-- One row per rule-set version: a complete set of DRL and BPMN2 files (rule_set_file) whose SHA-256
-- content hash is the version every firing in the audit trail names. A version is never changed or
-- removed; its state moves draft -> active -> retired, and back to active on a deploy or rollback.
-- Exactly one version is active: is_active is 1 for it and NULL for every other, under a unique key.
CREATE TABLE rule_set_version (
  seq         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,   -- creation order: lists are newest first
  version     CHAR(64)      NOT NULL,
  parent      CHAR(64)      NULL,                                  -- the version it was made from
  author      VARCHAR(255)  NOT NULL,
  message     VARCHAR(2000) NOT NULL,
  origin      VARCHAR(16)   NOT NULL,                              -- shipped (came with the server) or authored
  created_at  DATETIME(3)   NOT NULL,
  state       VARCHAR(16)   NOT NULL,                              -- draft, active, retired
  is_active   TINYINT       AS (CASE WHEN state = 'active' THEN 1 END) PERSISTENT,
  UNIQUE KEY rule_set_version_version (version),
  UNIQUE KEY rule_set_version_one_active (is_active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rule_set_file (
  version  CHAR(64)      NOT NULL,
  path     VARCHAR(512)  NOT NULL,                                 -- rules/classify/event-category.drl, processes/incident.bpmn2
  source   MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (version, path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every time a version became the active one: who did it, why, and from which event on. Events
-- with ids up to after_event_id were processed by the previous version, later ones by this one.
-- Written by the engine's outcome writer in the batch that switched (import and upgrade: at start).
CREATE TABLE rule_set_activation (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version         CHAR(64)      NOT NULL,
  previous        CHAR(64)      NULL,
  kind            VARCHAR(16)   NOT NULL,                          -- import, upgrade, deploy, rollback, auto-rollback
  actor           VARCHAR(255)  NOT NULL,
  after_event_id  BIGINT        NOT NULL,
  activated_at    DATETIME(3)   NOT NULL,
  KEY rule_set_activation_version (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Backtests: a candidate version run next to the version active when it was asked for, over a range
-- of the journal, both from the same starting state. The result (JSON) is kept with its version.
CREATE TABLE rule_set_backtest (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version       CHAR(64)      NOT NULL,                            -- the candidate
  baseline      CHAR(64)      NOT NULL,                            -- the version active when asked
  range_text    VARCHAR(255)  NOT NULL,                            -- the range as asked, e.g. events 1..5000
  first_id      BIGINT        NOT NULL,
  last_id       BIGINT        NOT NULL,
  requested_by  VARCHAR(255)  NOT NULL,
  requested_at  DATETIME(3)   NOT NULL,
  state         VARCHAR(16)   NOT NULL,                            -- running, done, cancelled, failed
  events_total  BIGINT        NOT NULL,
  events_done   BIGINT        NOT NULL,
  finished_at   DATETIME(3)   NULL,
  error         VARCHAR(2000) NULL,
  result        MEDIUMTEXT    NULL,
  KEY rule_set_backtest_version (version, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Anchors of the audit trail: where its hash chain stood at a moment (the newest firing's id and
-- hash, and how many firings there were). Recorded every hour and when an auditor asks; exported,
-- an anchor kept elsewhere lets verification see that newest firings were cut off, which the chain
-- alone cannot (a shorter chain is still a valid chain).
CREATE TABLE audit_anchor (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recorded_at     DATETIME(3)   NOT NULL,
  last_firing_id  BIGINT        NOT NULL,
  firings         BIGINT        NOT NULL,
  head_hash       CHAR(64)      NOT NULL,
  recorded_by     VARCHAR(255)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
