-- Vigil schema, version 4: ids that survive restarts.

-- jBPM 7 does not restore its process-instance and work-item id counters when a session is
-- unmarshalled: the next incident process would take the id of one still running and replace
-- it. The engine carries both counters itself; every snapshot stores where they stood.
ALTER TABLE engine_snapshot
  ADD COLUMN last_process_instance_id BIGINT NOT NULL DEFAULT 0 AFTER session_clock,
  ADD COLUMN last_work_item_id        BIGINT NOT NULL DEFAULT 0 AFTER last_process_instance_id;
