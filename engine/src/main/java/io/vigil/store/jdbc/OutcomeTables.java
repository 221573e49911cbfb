package io.vigil.store.jdbc;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.ElementStatusChanged;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.session.Outcome.IncidentAcknowledged;
import io.vigil.session.Outcome.IncidentEscalated;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentResolved;
import io.vigil.session.Outcome.IncidentTaskCompleted;
import io.vigil.session.Outcome.IncidentTaskOpened;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.store.jdbc.BatchStatements.setLongOrNull;
import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes outcomes to their tables, one JDBC batch per statement, inside the caller's transaction.
 * Statements run inserts before updates, each in outcome order, which is the order the engine
 * produced them in: an incident or task is always opened before it is changed. Service outcomes
 * go to {@link ServiceTables}, alert changes to {@link AlertTables}.
 */
public final class OutcomeTables {

    /** One line of an incident's story. */
    private record TimelineRow(long incidentId, long at, String kind, String text, String actor, Long firingId) {
    }

    private final BatchStatements batches;
    private final ServiceTables services;
    private final AlertTables alerts;

    public OutcomeTables(DataSource dataSource) {
        this.batches = new BatchStatements(dataSource);
        this.services = new ServiceTables(batches);
        this.alerts = new AlertTables(batches);
    }

    /** Stores the outcomes; {@code now} stamps the updated_at columns. A transaction must be active. */
    public void write(List<Outcome> outcomes, Instant now) {
        List<EventClassified> classified = new ArrayList<>();
        List<ElementStatusChanged> statuses = new ArrayList<>();
        List<IncidentOpened> opened = new ArrayList<>();
        List<IncidentTaskOpened> tasksOpened = new ArrayList<>();
        List<IncidentTaskCompleted> tasksCompleted = new ArrayList<>();
        List<IncidentEscalated> escalated = new ArrayList<>();
        List<IncidentAcknowledged> acknowledged = new ArrayList<>();
        List<IncidentResolved> resolved = new ArrayList<>();
        List<TimelineRow> timeline = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof EventClassified o) {
                classified.add(o);
            } else if (outcome instanceof ElementStatusChanged o) {
                statuses.add(o);
            } else if (outcome instanceof IncidentOpened o) {
                opened.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "OPENED", o.title(), null, o.firingId()));
            } else if (outcome instanceof IncidentTaskOpened o) {
                tasksOpened.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "TASK_OPENED", "task " + o.name() + " opened", null, null));
            } else if (outcome instanceof IncidentTaskCompleted o) {
                tasksCompleted.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "TASK_COMPLETED", "task " + o.name() + " completed", o.actor(), null));
            } else if (outcome instanceof IncidentEscalated o) {
                escalated.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "ESCALATED", "escalated to level " + o.level(), null, null));
            } else if (outcome instanceof IncidentAcknowledged o) {
                acknowledged.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "ACKNOWLEDGED", "acknowledged", o.actor(), null));
            } else if (outcome instanceof IncidentResolved o) {
                resolved.add(o);
                timeline.add(new TimelineRow(o.incidentId(), o.at(), "RESOLVED", "resolved", o.actor(), null));
            }
        }
        batch("INSERT INTO event_classification (event_id, category, status) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE category = VALUES(category), status = VALUES(status)", classified, (ps, o) -> {
            ps.setLong(1, o.eventId());
            ps.setString(2, fit(o.category(), 32));
            ps.setString(3, o.status() == null ? null : o.status().name());
        });
        batch("INSERT INTO element_status (resource, check_name, status, since, last_event_id, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = VALUES(status), since = VALUES(since),"
                + " last_event_id = VALUES(last_event_id), updated_at = VALUES(updated_at)", statuses, (ps, o) -> {
            ps.setString(1, fit(o.resource(), 255));
            ps.setString(2, fit(o.check(), 255));
            ps.setString(3, o.status().name());
            ps.setObject(4, toColumn(o.at()));
            ps.setLong(5, o.eventId());
            ps.setObject(6, toColumn(now));
        });
        batch("INSERT INTO element_status_change (resource, check_name, status, previous, changed_at, event_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", statuses, (ps, o) -> {
            ps.setString(1, fit(o.resource(), 255));
            ps.setString(2, fit(o.check(), 255));
            ps.setString(3, o.status().name());
            ps.setString(4, o.previous() == null ? null : o.previous().name());
            ps.setObject(5, toColumn(o.at()));
            ps.setLong(6, o.eventId());
        });
        // An element incident has a resource/check and no service; a service incident the reverse.
        batches.runWide("INSERT INTO incident (id, resource, check_name, service, title, state, escalation_level, opened_at,"
                + " opened_by_firing_id, opened_by_event_id, process_instance_id) VALUES (?, ?, ?, ?, ?, 'OPEN', 0, ?, ?, ?, ?)",
                opened, (ps, o) -> {
            ps.setLong(1, o.incidentId());
            ps.setString(2, fit(o.resource(), 255));
            ps.setString(3, fit(o.check(), 255));
            ps.setString(4, fit(o.service(), 255));
            ps.setString(5, fit(o.title(), 1024));
            ps.setObject(6, toColumn(o.at()));
            setLongOrNull(ps, 7, o.firingId());
            setLongOrNull(ps, 8, o.eventId());
            ps.setLong(9, o.processInstanceId());
        });
        batch("INSERT INTO incident_task (id, incident_id, work_item_id, name, state, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)",
                tasksOpened, (ps, o) -> {
            ps.setLong(1, o.taskId());
            ps.setLong(2, o.incidentId());
            ps.setLong(3, o.workItemId());
            ps.setString(4, fit(o.name(), 64));
            ps.setObject(5, toColumn(o.at()));
        });
        batch("UPDATE incident_task SET state = 'COMPLETED', completed_at = ?, completed_by = ? WHERE id = ?",
                tasksCompleted, (ps, o) -> {
            ps.setObject(1, toColumn(o.at()));
            ps.setString(2, fit(o.actor(), 255));
            ps.setLong(3, o.taskId());
        });
        batch("UPDATE incident SET escalation_level = ? WHERE id = ?", escalated, (ps, o) -> {
            ps.setInt(1, o.level());
            ps.setLong(2, o.incidentId());
        });
        batch("UPDATE incident SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
                acknowledged, (ps, o) -> {
            ps.setObject(1, toColumn(o.at()));
            ps.setString(2, fit(o.actor(), 255));
            ps.setLong(3, o.incidentId());
        });
        batch("UPDATE incident SET state = 'RESOLVED', resolved_at = ?, resolved_by = ? WHERE id = ?", resolved, (ps, o) -> {
            ps.setObject(1, toColumn(o.at()));
            ps.setString(2, fit(o.actor(), 255));
            ps.setLong(3, o.incidentId());
        });
        batches.runWide("INSERT INTO incident_timeline (incident_id, at, kind, text, actor, firing_id) VALUES (?, ?, ?, ?, ?, ?)",
                timeline, (ps, row) -> {
            ps.setLong(1, row.incidentId());
            ps.setObject(2, toColumn(row.at()));
            ps.setString(3, row.kind());
            ps.setString(4, fit(row.text(), 2048));
            ps.setString(5, fit(row.actor(), 255));
            setLongOrNull(ps, 6, row.firingId());
        });
        services.write(outcomes, now);
        alerts.write(outcomes);
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        batches.run(sql, rows, setter);
    }
}
