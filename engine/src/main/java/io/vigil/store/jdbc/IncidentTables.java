package io.vigil.store.jdbc;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.IncidentAcknowledged;
import io.vigil.session.Outcome.IncidentAssigned;
import io.vigil.session.Outcome.IncidentClosed;
import io.vigil.session.Outcome.IncidentEscalated;
import io.vigil.session.Outcome.IncidentInvestigating;
import io.vigil.session.Outcome.IncidentNoted;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentRecovered;
import io.vigil.session.Outcome.IncidentResolved;
import io.vigil.session.Outcome.IncidentSnoozeEnded;
import io.vigil.session.Outcome.IncidentSnoozed;
import io.vigil.session.Outcome.IncidentTaskCancelled;
import io.vigil.session.Outcome.IncidentTaskCompleted;
import io.vigil.session.Outcome.IncidentTaskOpened;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.store.jdbc.BatchStatements.setLongOrNull;
import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes the incident outcomes inside the outcome writer's transaction: new incidents, their tasks,
 * every change of an incident's row and its timeline. Changes to the incident row go through one
 * statement in outcome order, so a snooze and its end within one transaction land in that order.
 */
final class IncidentTables {

    /** One line of an incident's story. */
    private record TimelineRow(long incidentId, long at, String kind, String text, String actor, Long firingId) {
    }

    /** A task that was done (COMPLETED) or overtaken by a timer (CANCELLED). */
    private record TaskEnd(long taskId, String state, long at, String actor) {
    }

    /**
     * What one outcome changes in the incident row; null leaves a column as it is, except snoozed_until
     * and assignee, which a change may clear ({@code setSnooze}, {@code setAssignee}).
     */
    private record IncidentChange(long incidentId, String state, Integer level, Long acknowledgedAt,
                                  String acknowledgedBy, boolean setSnooze, Long snoozedUntil, boolean setAssignee,
                                  String assignee, Long resolvedAt, String resolvedBy, String code, String note,
                                  Long closedAt, String closedBy) {

        static IncidentChange state(long incidentId, String state) {
            return new IncidentChange(incidentId, state, null, null, null, false, null, false, null, null, null, null,
                    null, null, null);
        }
    }

    private final BatchStatements batches;

    IncidentTables(BatchStatements batches) {
        this.batches = batches;
    }

    void write(List<Outcome> outcomes) {
        List<IncidentOpened> opened = new ArrayList<>();
        List<IncidentTaskOpened> tasksOpened = new ArrayList<>();
        List<TaskEnd> tasksEnded = new ArrayList<>();
        List<IncidentChange> changes = new ArrayList<>();
        List<TimelineRow> timeline = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof IncidentOpened o) {
                opened.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "OPENED", o.title(), null, o.firingId()));
            } else if (outcome instanceof IncidentTaskOpened o) {
                tasksOpened.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "TASK_OPENED", "task " + o.name() + " opened", null, null));
            } else if (outcome instanceof IncidentTaskCompleted o) {
                tasksEnded.add(new TaskEnd(o.taskId(), "COMPLETED", o.at(), o.actor()));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "TASK_COMPLETED", "task " + o.name() + " completed", o.actor(), null));
            } else if (outcome instanceof IncidentTaskCancelled o) {
                tasksEnded.add(new TaskEnd(o.taskId(), "CANCELLED", o.at(), null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "TASK_CANCELLED", "task " + o.name() + " ended by its timer", null, null));
            } else if (outcome instanceof IncidentEscalated o) {
                changes.add(new IncidentChange(o.incidentId(), null, o.level(), null, null, false, null, false, null, null,
                        null, null, null, null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "ESCALATED", "escalated to level " + o.level()
                        + (o.notified().isEmpty() ? "" : ": notifying " + String.join(", ", o.notified())), null, null));
            } else if (outcome instanceof IncidentAcknowledged o) {
                changes.add(new IncidentChange(o.incidentId(), "ACKNOWLEDGED", null, o.at(), o.actor(), true, null, false,
                        null, null, null, null, null, null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "ACKNOWLEDGED", "acknowledged", o.actor(), null));
            } else if (outcome instanceof IncidentSnoozed o) {
                changes.add(new IncidentChange(o.incidentId(), "ACKNOWLEDGED", null, o.at(), o.actor(), true, o.until(),
                        false, null, null, null, null, null, null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "SNOOZED", "snoozed until " + Instant.ofEpochMilli(o.until()),
                        o.actor(), null));
            } else if (outcome instanceof IncidentSnoozeEnded o) {
                changes.add(new IncidentChange(o.incidentId(), "OPEN", null, null, null, true, null, false, null, null,
                        null, null, null, null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "SNOOZE_ENDED", "snooze over: open again, escalation resumes",
                        null, null));
            } else if (outcome instanceof IncidentInvestigating o) {
                changes.add(IncidentChange.state(o.incidentId(), "INVESTIGATING"));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "INVESTIGATING", "investigation started", o.actor(), null));
            } else if (outcome instanceof IncidentResolved o) {
                changes.add(new IncidentChange(o.incidentId(), "RESOLVED", null, null, null, false, null, false, null,
                        o.at(), o.actor(), o.code() == null ? null : o.code().name(), o.note(), null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "RESOLVED", "resolved: " + o.code()
                        + (o.note() == null || o.note().isBlank() ? "" : " — " + o.note()), o.actor(), null));
            } else if (outcome instanceof IncidentClosed o) {
                changes.add(new IncidentChange(o.incidentId(), "CLOSED", null, null, null, false, null, false, null, null,
                        null, null, null, o.at(), o.actor()));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "CLOSED",
                        o.actor() == null ? "closed automatically" : "closed", o.actor(), null));
            } else if (outcome instanceof IncidentAssigned o) {
                changes.add(new IncidentChange(o.incidentId(), null, null, null, null, false, null, true, o.assignee(), null,
                        null, null, null, null, null));
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "ASSIGNED",
                        o.assignee() == null ? "assignment taken back" : "assigned to " + o.assignee(), o.actor(), null));
            } else if (outcome instanceof IncidentNoted o) {
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "NOTE", o.text(), o.actor(), null));
            } else if (outcome instanceof IncidentRecovered o) {
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "RECOVERED", "the problem went away; all-clear sent",
                        null, null));
            }
        }
        // An element incident has a resource/check and no service; a service incident the reverse.
        batches.runWide("INSERT INTO incident (id, resource, check_name, service, title, state, escalation_level, priority,"
                + " policy, alert_id, opened_at, opened_by_firing_id, opened_by_event_id, process_instance_id)"
                + " VALUES (?, ?, ?, ?, ?, 'OPEN', 0, ?, ?, ?, ?, ?, ?, ?)", opened, (ps, o) -> {
            ps.setLong(1, o.incidentId());
            ps.setString(2, fit(o.resource(), 255));
            ps.setString(3, fit(o.check(), 255));
            ps.setString(4, fit(o.service(), 255));
            ps.setString(5, fit(o.title(), 1024));
            ps.setString(6, o.priority() == null ? "NORMAL" : o.priority().name());
            ps.setString(7, fit(o.policy(), 255));
            setLongOrNull(ps, 8, o.alertId());
            ps.setObject(9, toColumn(o.at()));
            setLongOrNull(ps, 10, o.firingId());
            setLongOrNull(ps, 11, o.eventId());
            ps.setLong(12, o.processInstanceId());
        });
        batches.run("INSERT INTO incident_task (id, incident_id, work_item_id, name, state, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)",
                tasksOpened, (ps, o) -> {
            ps.setLong(1, o.taskId());
            ps.setLong(2, o.incidentId());
            ps.setLong(3, o.workItemId());
            ps.setString(4, fit(o.name(), 64));
            ps.setObject(5, toColumn(o.at()));
        });
        batches.run("UPDATE incident_task SET state = ?, completed_at = ?, completed_by = ? WHERE id = ?",
                tasksEnded, (ps, row) -> {
            ps.setString(1, row.state());
            ps.setObject(2, toColumn(row.at()));
            ps.setString(3, fit(row.actor(), 255));
            ps.setLong(4, row.taskId());
        });
        batches.run("UPDATE incident SET state = COALESCE(?, state), escalation_level = COALESCE(?, escalation_level),"
                + " acknowledged_at = COALESCE(?, acknowledged_at), acknowledged_by = COALESCE(?, acknowledged_by),"
                + " snoozed_until = IF(?, ?, snoozed_until), assignee = IF(?, ?, assignee),"
                + " resolved_at = COALESCE(?, resolved_at), resolved_by = COALESCE(?, resolved_by),"
                + " resolution_code = COALESCE(?, resolution_code), resolution_note = COALESCE(?, resolution_note),"
                + " closed_at = COALESCE(?, closed_at), closed_by = COALESCE(?, closed_by) WHERE id = ?",
                changes, IncidentTables::setChange);
        batches.runWide("INSERT INTO incident_timeline (incident_id, at, kind, text, actor, firing_id) VALUES (?, ?, ?, ?, ?, ?)",
                timeline, (ps, row) -> {
            ps.setLong(1, row.incidentId());
            ps.setObject(2, toColumn(row.at()));
            ps.setString(3, row.kind());
            ps.setString(4, fit(row.text(), 2048));
            ps.setString(5, fit(row.actor(), 255));
            setLongOrNull(ps, 6, row.firingId());
        });
    }

    private static void setChange(PreparedStatement ps, IncidentChange c) throws SQLException {
        ps.setString(1, c.state());
        ps.setObject(2, c.level());
        ps.setObject(3, c.acknowledgedAt() == null ? null : toColumn(c.acknowledgedAt()));
        ps.setString(4, fit(c.acknowledgedBy(), 255));
        ps.setBoolean(5, c.setSnooze());
        ps.setObject(6, c.snoozedUntil() == null ? null : toColumn(c.snoozedUntil()));
        ps.setBoolean(7, c.setAssignee());
        ps.setString(8, fit(c.assignee(), 255));
        ps.setObject(9, c.resolvedAt() == null ? null : toColumn(c.resolvedAt()));
        ps.setString(10, fit(c.resolvedBy(), 255));
        ps.setString(11, c.code());
        ps.setString(12, fit(c.note(), 2048));
        ps.setObject(13, c.closedAt() == null ? null : toColumn(c.closedAt()));
        ps.setString(14, fit(c.closedBy(), 255));
        ps.setLong(15, c.incidentId());
    }
}
