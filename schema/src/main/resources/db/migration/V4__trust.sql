-- Vigil schema, version 4: ids that survive restarts.

-- jBPM 7 does not restore its process-instance and work-item id counters when a session is
-- unmarshalled: the next incident process would take the id of one still running and replace
-- it. The engine carries both counters itself; every snapshot stores where they stood.
ALTER TABLE engine_snapshot
  ADD COLUMN last_process_instance_id BIGINT NOT NULL DEFAULT 0 AFTER session_clock,
  ADD COLUMN last_work_item_id        BIGINT NOT NULL DEFAULT 0 AFTER last_process_instance_id;

-- Requests posted with an Idempotency-Key header, stored in the same transaction as their
-- events: a retry with the same key is answered with the ids the first request got (its events
-- are first_event_id .. first_event_id + events - 1) and stores nothing twice. Kept a day.
CREATE TABLE intake_request (
  idempotency_key  VARCHAR(255) NOT NULL PRIMARY KEY,
  body_sha256      CHAR(64)     NOT NULL,
  first_event_id   BIGINT       NOT NULL,
  events           INT          NOT NULL,
  received_at      DATETIME(3)  NOT NULL,
  KEY intake_request_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- Every journal id up to verified_event_id is accounted for: processed by the engine, or given
-- up by the journal writer (a transaction that certainly failed). A start looks for journaled
-- events that never reached the engine (no classification) only between it and the checkpoint.
ALTER TABLE engine_checkpoint
  ADD COLUMN verified_event_id BIGINT NOT NULL DEFAULT 0 AFTER last_firing_id;
