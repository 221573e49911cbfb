-- Routine firings, packed. Most firings of a steady feed are routine: a rule matched one event and
-- changed nothing but that event (its category or status) or reported its classification. They are
-- kept in full, but many to a row: one row here holds consecutive routine firings of one outcome
-- transaction, deflated (the format is described in io.vigil.audit.jdbc.FiringPack). Every other
-- firing keeps its own row in rule_firing.
--
-- The hash chain is unchanged: it runs over all firings in id order, rows and packed ones
-- interleaved, each firing hashed over the previous hash and its canonical text exactly as before.
-- A pack stores the chain's value before its first firing (prev_hash) and after its last (hash).
CREATE TABLE rule_firing_pack (
  id              BIGINT       NOT NULL PRIMARY KEY,   -- the first packed firing's id
  last_id         BIGINT       NOT NULL,               -- the last packed firing's id
  firings         INT          NOT NULL,
  first_fired_at  DATETIME(3)  NOT NULL,               -- session clock
  last_fired_at   DATETIME(3)  NOT NULL,
  first_event_id  BIGINT       NOT NULL,               -- the lowest and highest event ids the firings matched
  last_event_id   BIGINT       NOT NULL,
  body            MEDIUMBLOB   NOT NULL,
  prev_hash       CHAR(64)     NOT NULL,
  hash            CHAR(64)     NOT NULL,
  KEY rule_firing_pack_time (last_fired_at),
  KEY rule_firing_pack_event (last_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which rules fired in which pack, so a search by rule reads only the packs that hold it.
CREATE TABLE rule_firing_pack_rule (
  rule_name  VARCHAR(255) NOT NULL,
  pack_id    BIGINT       NOT NULL,
  firings    INT          NOT NULL,
  PRIMARY KEY (rule_name, pack_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
