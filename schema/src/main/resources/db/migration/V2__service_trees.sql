-- Vigil schema, version 2: service trees, their live status, continuous SLA, planned downtimes,
-- service incidents, and group-based access to services.

-- The whole tree as last replaced by PUT /api/v1/services (one row, id = 1): canonical YAML.
CREATE TABLE service_tree (
  id          TINYINT      NOT NULL PRIMARY KEY,
  version     CHAR(64)     NOT NULL,             -- SHA-256 hex of the document
  document    MEDIUMTEXT   NOT NULL,
  services    INT          NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  updated_by  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Latest computed status, value and SLA of every service, upserted by the outcome writer.
CREATE TABLE service_status (
  name            VARCHAR(255)  NOT NULL PRIMARY KEY,
  status          VARCHAR(8)    NOT NULL,
  value           DECIMAL(19,3) NULL,
  since           DATETIME(3)   NOT NULL,            -- session clock
  sla_compliance  DECIMAL(5,2)  NULL,
  sla_status      VARCHAR(16)   NULL,                -- OK, INCORRECT, NOT_AVAILABLE
  updated_at      DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every status change of a service, append-only.
CREATE TABLE service_status_change (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  service     VARCHAR(255)  NOT NULL,
  status      VARCHAR(8)    NOT NULL,
  previous    VARCHAR(8)    NULL,
  value       DECIMAL(19,3) NULL,
  changed_at  DATETIME(3)   NOT NULL,
  KEY service_status_change_service (service, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- SLA samples, append-only (JDBC batches), so compliance over any past range can be reported.
-- The key is also what makes storing a sample again (a re-run after restart) a no-op (INSERT IGNORE).
CREATE TABLE sla_sample (
  service     VARCHAR(255) NOT NULL,
  sampled_at  DATETIME(3)  NOT NULL,
  outcome     VARCHAR(12)  NOT NULL,               -- COMPLIES, FAILS, UNKNOWN, DOWNTIME
  PRIMARY KEY (service, sampled_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Planned downtimes of services: SLA samples inside [starts_at, ends_at) are left out.
CREATE TABLE planned_downtime (
  id            BIGINT        NOT NULL PRIMARY KEY, -- allocated by the engine
  service       VARCHAR(255)  NOT NULL,
  starts_at     DATETIME(3)   NOT NULL,
  ends_at       DATETIME(3)   NOT NULL,
  comment       VARCHAR(1024) NOT NULL,
  created_by    VARCHAR(255)  NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  cancelled_at  DATETIME(3)   NULL,
  cancelled_by  VARCHAR(255)  NULL,
  KEY planned_downtime_service (service, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An incident is about an element (resource/check) or about a service; a service's page lists its own.
ALTER TABLE incident
  MODIFY resource   VARCHAR(255) NULL,
  MODIFY check_name VARCHAR(255) NULL,
  ADD COLUMN service VARCHAR(255) NULL AFTER check_name,
  ADD KEY incident_service (service, id);

-- Users and tokens see the services of these groups (comma-separated); ADMIN sees all.
ALTER TABLE app_user  ADD COLUMN service_groups VARCHAR(1024) NOT NULL DEFAULT '';
ALTER TABLE api_token ADD COLUMN service_groups VARCHAR(1024) NOT NULL DEFAULT '';
