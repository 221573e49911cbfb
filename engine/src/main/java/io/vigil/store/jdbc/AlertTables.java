package io.vigil.store.jdbc;

import io.vigil.alert.AlertView;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.AlertChanged;
import io.vigil.session.Outcome.SilenceAdded;
import io.vigil.session.Outcome.SilenceExpired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vigil.store.jdbc.BatchStatements.setLongOrNull;
import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes alert changes inside the outcome writer's transaction: each changed alert's row once per
 * batch, as its last change left it (a storm of repeats is one row write per alert), a history line
 * for every change but a repeat, and the silences made and expired through the API.
 */
final class AlertTables {

    private final BatchStatements batches;

    AlertTables(BatchStatements batches) {
        this.batches = batches;
    }

    void write(List<Outcome> outcomes) {
        Map<Long, AlertChanged> latest = new LinkedHashMap<>();
        List<AlertChanged> history = new ArrayList<>();
        List<SilenceAdded> silencesAdded = new ArrayList<>();
        List<SilenceExpired> silencesExpired = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof AlertChanged changed) {
                latest.put(changed.alert().id(), changed);
                if (changed.change().isHistory()) {
                    history.add(changed);
                }
            } else if (outcome instanceof SilenceAdded added) {
                silencesAdded.add(added);
            } else if (outcome instanceof SilenceExpired expired) {
                silencesExpired.add(expired);
            }
        }
        batches.run("INSERT INTO silence (id, matchers, starts_at, ends_at, comment, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", silencesAdded, (ps, o) -> {
            ps.setLong(1, o.silenceId());
            ps.setString(2, fit(String.join("\n", o.matchers()), 4096));
            ps.setObject(3, toColumn(o.start()));
            ps.setObject(4, toColumn(o.end()));
            ps.setString(5, fit(o.comment(), 1024));
            ps.setString(6, fit(o.creator(), 255));
            ps.setObject(7, toColumn(o.at()));
        });
        batches.run("UPDATE silence SET expired_at = ?, expired_by = ? WHERE id = ?", silencesExpired, (ps, o) -> {
            ps.setObject(1, toColumn(o.at()));
            ps.setString(2, fit(o.actor(), 255));
            ps.setLong(3, o.silenceId());
        });
        batches.runWide("INSERT INTO alert (id, alert_key, kind, resource, check_name, service, source, category, status,"
                + " previous_status, severity, state, report_count, first_seen, last_seen, last_event_id, message,"
                + " acknowledged_by, assignee, shelved_until, changed_at, confirmation, failing_locations, suppressed_by,"
                + " silenced_by, flapping)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE source = VALUES(source), category = VALUES(category), status = VALUES(status),"
                + " previous_status = VALUES(previous_status), severity = VALUES(severity), state = VALUES(state),"
                + " report_count = VALUES(report_count), last_seen = VALUES(last_seen), last_event_id = VALUES(last_event_id),"
                + " message = VALUES(message), acknowledged_by = VALUES(acknowledged_by), assignee = VALUES(assignee),"
                + " shelved_until = VALUES(shelved_until), changed_at = VALUES(changed_at),"
                + " confirmation = VALUES(confirmation), failing_locations = VALUES(failing_locations),"
                + " suppressed_by = VALUES(suppressed_by), silenced_by = VALUES(silenced_by), flapping = VALUES(flapping)",
                List.copyOf(latest.values()), (ps, changed) -> {
            AlertView a = changed.alert();
            ps.setLong(1, a.id());
            ps.setString(2, fit(a.key(), 512));
            ps.setString(3, a.kind().name());
            ps.setString(4, fit(a.resource(), 255));
            ps.setString(5, fit(a.check(), 255));
            ps.setString(6, fit(a.service(), 255));
            ps.setString(7, fit(a.source(), 255));
            ps.setString(8, fit(a.category(), 32));
            ps.setString(9, a.status().name());
            ps.setString(10, a.previousStatus() == null ? null : a.previousStatus().name());
            setLongOrNull(ps, 11, a.severity() == null ? null : (long) a.severity().code());
            ps.setString(12, a.state().name());
            ps.setLong(13, a.count());
            ps.setObject(14, toColumn(a.firstSeen()));
            ps.setObject(15, toColumn(a.lastSeen()));
            setLongOrNull(ps, 16, a.lastEventId() == 0 ? null : a.lastEventId());
            ps.setString(17, fit(a.message(), 1024));
            ps.setString(18, fit(a.acknowledgedBy(), 255));
            ps.setString(19, fit(a.assignee(), 255));
            ps.setObject(20, a.shelvedUntil() == 0 ? null : toColumn(a.shelvedUntil()));
            ps.setObject(21, toColumn(changed.at()));
            ps.setString(22, a.confirmation().name());
            ps.setString(23, a.failingLocations().isEmpty() ? null : fit(String.join(",", a.failingLocations()), 1024));
            ps.setString(24, fit(a.suppressedBy(), 255));
            ps.setString(25, fit(a.silencedBy(), 64));
            ps.setBoolean(26, a.flapping());
        });
        batches.runWide("INSERT INTO alert_history (alert_id, at, kind, status, state, detail, actor, event_id, firing_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history, (ps, changed) -> {
            ps.setLong(1, changed.alert().id());
            ps.setObject(2, toColumn(changed.at()));
            ps.setString(3, changed.change().name());
            ps.setString(4, changed.alert().status().name());
            ps.setString(5, changed.alert().state().name());
            ps.setString(6, fit(changed.detail(), 2048));
            ps.setString(7, fit(changed.actor(), 255));
            setLongOrNull(ps, 8, changed.eventId());
            setLongOrNull(ps, 9, changed.firingId());
        });
    }
}
