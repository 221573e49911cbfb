package io.vigil.store.jdbc;

import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceDefinitionException;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.service.sla.SlaStatus;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.DowntimeCancelled;
import io.vigil.session.Outcome.DowntimeScheduled;
import io.vigil.session.Outcome.ServiceAlert;
import io.vigil.session.Outcome.ServiceStatusChanged;
import io.vigil.session.Outcome.ServiceTreeReplaced;
import io.vigil.session.Outcome.SlaSampled;
import io.vigil.session.Outcome.SlaStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes the service outcomes inside the outcome writer's transaction: the tree, each service's
 * latest status and SLA, the status history, SLA samples and planned downtimes.
 *
 * <p>A {@link ServiceAlert} stores nothing: the status change behind it is stored as a
 * {@link ServiceStatusChanged}, an incident it leads to as an IncidentOpened, and the alert
 * itself is only news for the live feed.
 */
final class ServiceTables {

    private static final Logger log = LoggerFactory.getLogger(ServiceTables.class);

    /** A service's SLA columns as a sample or an SLA status change left them. */
    private record SlaState(String service, BigDecimal compliance, SlaStatus status, long at) {
    }

    private final BatchStatements batches;

    ServiceTables(BatchStatements batches) {
        this.batches = batches;
    }

    void write(List<Outcome> outcomes, Instant now) {
        ServiceTreeReplaced tree = null;
        List<ServiceStatusChanged> statuses = new ArrayList<>();
        List<SlaSampled> samples = new ArrayList<>();
        List<SlaState> sla = new ArrayList<>();
        List<DowntimeScheduled> scheduled = new ArrayList<>();
        List<DowntimeCancelled> cancelled = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof ServiceTreeReplaced o) {
                tree = o;
            } else if (outcome instanceof ServiceStatusChanged o) {
                statuses.add(o);
            } else if (outcome instanceof SlaSampled o) {
                samples.add(o);
                sla.add(new SlaState(o.service(), o.compliance(), o.slaStatus(), o.at()));
            } else if (outcome instanceof SlaStatusChanged o) {
                sla.add(new SlaState(o.service(), o.compliance(), o.status(), o.at()));
            } else if (outcome instanceof DowntimeScheduled o) {
                scheduled.add(o);
            } else if (outcome instanceof DowntimeCancelled o) {
                cancelled.add(o);
            }
        }
        if (tree != null) {
            storeTree(tree);
        }
        // MariaDB applies the assignments left to right, so `since` still compares with the old
        // status: a change of value alone keeps the time the service entered its status.
        batches.run("INSERT INTO service_status (name, status, value, since, updated_at) VALUES (?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE since = IF(status = VALUES(status), since, VALUES(since)),"
                + " status = VALUES(status), value = VALUES(value), updated_at = VALUES(updated_at)", statuses, (ps, o) -> {
            ps.setString(1, fit(o.service(), 255));
            ps.setString(2, o.status().name());
            ps.setBigDecimal(3, o.value());
            ps.setObject(4, toColumn(o.at()));
            ps.setObject(5, toColumn(now));
        });
        batches.run("INSERT INTO service_status_change (service, status, previous, value, changed_at) VALUES (?, ?, ?, ?, ?)",
                statuses, (ps, o) -> {
            ps.setString(1, fit(o.service(), 255));
            ps.setString(2, o.status().name());
            ps.setString(3, o.previous() == null ? null : o.previous().name());
            ps.setBigDecimal(4, o.value());
            ps.setObject(5, toColumn(o.at()));
        });
        // IGNORE: a sample is keyed by (service, sampled_at), so storing one again changes nothing.
        batches.run("INSERT IGNORE INTO sla_sample (service, sampled_at, outcome) VALUES (?, ?, ?)", samples, (ps, o) -> {
            ps.setString(1, fit(o.service(), 255));
            ps.setObject(2, toColumn(o.at()));
            ps.setString(3, o.outcome().name());
        });
        // A service sampled before its status ever changed is still in its first status, UNKNOWN.
        batches.run("INSERT INTO service_status (name, status, since, sla_compliance, sla_status, updated_at)"
                + " VALUES (?, 'UNKNOWN', ?, ?, ?, ?) ON DUPLICATE KEY UPDATE sla_compliance = VALUES(sla_compliance),"
                + " sla_status = VALUES(sla_status), updated_at = VALUES(updated_at)", sla, (ps, row) -> {
            ps.setString(1, fit(row.service(), 255));
            ps.setObject(2, toColumn(row.at()));
            ps.setBigDecimal(3, row.compliance());
            ps.setString(4, row.status().name());
            ps.setObject(5, toColumn(now));
        });
        batches.runWide("INSERT INTO planned_downtime (id, service, starts_at, ends_at, comment, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", scheduled, (ps, o) -> {
            ps.setLong(1, o.downtimeId());
            ps.setString(2, fit(o.service(), 255));
            ps.setObject(3, toColumn(o.start()));
            ps.setObject(4, toColumn(o.end()));
            ps.setString(5, fit(o.comment() == null ? "" : o.comment(), 1024));
            ps.setString(6, fit(o.actor(), 255));
            ps.setObject(7, toColumn(o.at()));
        });
        batches.run("UPDATE planned_downtime SET cancelled_at = ?, cancelled_by = ? WHERE id = ?", cancelled, (ps, o) -> {
            ps.setObject(1, toColumn(o.at()));
            ps.setString(2, fit(o.actor(), 255));
            ps.setLong(3, o.downtimeId());
        });
        if (tree != null) {
            forgetRemovedServices(tree);
        }
    }

    private void storeTree(ServiceTreeReplaced tree) {
        batches.jdbc().update("INSERT INTO service_tree (id, version, document, services, updated_at, updated_by)"
                        + " VALUES (1, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE version = VALUES(version),"
                        + " document = VALUES(document), services = VALUES(services), updated_at = VALUES(updated_at),"
                        + " updated_by = VALUES(updated_by)",
                tree.version(), tree.document(), tree.services(), toColumn(tree.at()), fit(tree.actor(), 255));
    }

    /**
     * Runs after the status upserts, so rows written for a removed service earlier in the same
     * transaction go too; a service that stays but lost its SLA loses its SLA columns.
     */
    private void forgetRemovedServices(ServiceTreeReplaced tree) {
        Map<String, ServiceDefinition> kept;
        try {
            kept = services(ServiceTreeParser.parse(tree.document()));
        } catch (ServiceDefinitionException e) {
            // The engine only stores trees it has parsed, so this is a bug; failing the
            // transaction would stall the writer for good, stale rows only linger in the list.
            log.error("stored service tree {} does not parse; service statuses of removed services are kept", tree.version(), e);
            return;
        }
        List<String> removed = new ArrayList<>();
        List<String> withoutSla = new ArrayList<>();
        batches.jdbc().query("SELECT name, sla_status FROM service_status", rs -> {
            String name = rs.getString("name");
            ServiceDefinition service = kept.get(name);
            if (service == null) {
                removed.add(name);
            } else if (service.sla() == null && rs.getString("sla_status") != null) {
                withoutSla.add(name);
            }
        });
        batches.run("DELETE FROM service_status WHERE name = ?", removed, (ps, name) -> ps.setString(1, name));
        batches.run("UPDATE service_status SET sla_compliance = NULL, sla_status = NULL WHERE name = ?", withoutSla,
                (ps, name) -> ps.setString(1, name));
    }

    private static Map<String, ServiceDefinition> services(ServiceTreeDefinition tree) {
        return tree.services().stream().collect(Collectors.toMap(ServiceDefinition::name, Function.identity()));
    }
}
