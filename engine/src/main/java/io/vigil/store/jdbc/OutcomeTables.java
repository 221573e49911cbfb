package io.vigil.store.jdbc;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.ElementStatusChanged;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.session.Outcome.RuleSetActivated;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.vigil.store.jdbc.BatchStatements.setLongOrNull;
import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes outcomes to their tables, one JDBC batch per statement, inside the caller's transaction.
 * Statements run inserts before updates, each in outcome order, which is the order the engine
 * produced them in: an incident or task is always opened before it is changed. Service outcomes
 * go to {@link ServiceTables}, alert changes to {@link AlertTables}, incidents to {@link IncidentTables},
 * policy documents and notifications to {@link PolicyTables}, rule-set activations to {@link RuleSetTables}.
 */
public final class OutcomeTables {

    private final BatchStatements batches;
    private final ServiceTables services;
    private final AlertTables alerts;
    private final IncidentTables incidents;
    private final PolicyTables policies;

    public OutcomeTables(DataSource dataSource) {
        this.batches = new BatchStatements(dataSource);
        this.services = new ServiceTables(batches);
        this.alerts = new AlertTables(batches);
        this.incidents = new IncidentTables(batches);
        this.policies = new PolicyTables(batches);
    }

    /** Stores the outcomes; {@code now} stamps the updated_at columns. A transaction must be active. */
    public void write(List<Outcome> outcomes, Instant now) {
        List<EventClassified> classified = new ArrayList<>();
        List<ElementStatusChanged> statuses = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof EventClassified o) {
                classified.add(o);
            } else if (outcome instanceof ElementStatusChanged o) {
                statuses.add(o);
            } else if (outcome instanceof RuleSetActivated o) {
                // with the batch that switched, and with its snapshot
                RuleSetTables.record(batches.jdbc(), o);
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
        incidents.write(outcomes);
        services.write(outcomes, now);
        alerts.write(outcomes);
        policies.write(outcomes);
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        batches.run(sql, rows, setter);
    }
}
