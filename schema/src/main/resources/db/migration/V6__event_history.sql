-- Vigil schema, version 6: every event stays queryable by what it is about.
-- The history (GET /api/v1/events and its export) filters by resource, check, source, time of
-- occurrence, effective status and category, and pages by id, newest first. Each key below
-- serves one filter in id order, so a page reads about as many index entries as it shows rows;
-- BENCHMARKS.md ("Event history queries") has the plans and times measured on 300,000 events and
-- what the keys cost the journal's inserts. Deliberately without a key: check alone (served by
-- scanning ids; checks are few and frequent) and substrings of the message (no index helps).

-- Resource, then resource and check: the id right after the resource keeps a resource's events
-- in id order, and the check at the end lets the key itself skip the other checks.
-- Source: few distinct senders, each one's events in id order.
-- Occurred: a time window; narrow windows read only their own events.
ALTER TABLE event_journal
  ADD KEY event_journal_resource (resource, id, check_name),
  ADD KEY event_journal_source (source, id),
  ADD KEY event_journal_occurred (occurred_at);

-- Effective status and category, each one's events in id order (joined to the journal by id).
ALTER TABLE event_classification
  ADD KEY event_classification_status (status, event_id),
  ADD KEY event_classification_category (category, event_id);
