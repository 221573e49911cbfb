-- Vigil schema, version 3: a marshalled session can be larger than the server's
-- max_allowed_packet (16 MiB by default; a 100k-element service tree made 56 MB), and a write
-- the server refuses would stall the outcome writer. Snapshots are stored in parts of at most
-- 4 MiB, written in the same transaction as the checkpoint they belong to.
ALTER TABLE engine_snapshot
  DROP COLUMN session,
  ADD COLUMN parts INT NOT NULL DEFAULT 0;

CREATE TABLE engine_snapshot_part (
  part   INT        NOT NULL PRIMARY KEY,          -- 0, 1, ... in order
  bytes  MEDIUMBLOB NOT NULL
) ENGINE=InnoDB;
