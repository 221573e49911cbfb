package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads incidents with their tasks and timeline, for the console and the API. */
public final class IncidentQueries {

    /**
     * The state filters: an incident's states, and UNRESOLVED for OPEN, ACKNOWLEDGED or
     * INVESTIGATING (what is still to be worked).
     */
    public static final Set<String> STATE_FILTERS = Set.of("OPEN", "ACKNOWLEDGED", "INVESTIGATING", "RESOLVED", "CLOSED",
            "UNRESOLVED");

    /** With the current status of the incident's element or service, where one is stored. */
    private static final String SELECT = "SELECT i.id, i.resource, i.check_name, i.service, i.title, i.state,"
            + " i.escalation_level, i.opened_at, i.acknowledged_at, i.acknowledged_by, i.resolved_at, i.resolved_by,"
            + " i.opened_by_firing_id, i.opened_by_event_id, i.process_instance_id, COALESCE(e.status, s.status) AS current_status,"
            + " i.priority, i.policy, i.alert_id, i.assignee, i.snoozed_until, i.resolution_code, i.resolution_note,"
            + " i.closed_at, i.closed_by"
            + " FROM incident i"
            + " LEFT JOIN element_status e ON i.service IS NULL AND e.resource = i.resource AND e.check_name = i.check_name"
            + " LEFT JOIN service_status s ON s.name = i.service";

    private static final RowMapper<IncidentRow> INCIDENT = (rs, n) -> new IncidentRow(rs.getLong("id"),
            rs.getString("resource"), rs.getString("check_name"), rs.getString("service"), rs.getString("title"),
            rs.getString("state"), rs.getInt("escalation_level"), UtcColumns.instant(rs, "opened_at"), UtcColumns.instant(rs, "acknowledged_at"),
            rs.getString("acknowledged_by"), UtcColumns.instant(rs, "resolved_at"), rs.getString("resolved_by"),
            rs.getObject("opened_by_firing_id", Long.class), rs.getObject("opened_by_event_id", Long.class),
            rs.getLong("process_instance_id"), currentStatus(rs.getString("current_status")), rs.getString("priority"),
            rs.getString("policy"), rs.getObject("alert_id", Long.class), rs.getString("assignee"),
            UtcColumns.instant(rs, "snoozed_until"), rs.getString("resolution_code"), rs.getString("resolution_note"),
            UtcColumns.instant(rs, "closed_at"), rs.getString("closed_by"));

    private static final RowMapper<IncidentTaskRow> TASK = (rs, n) -> new IncidentTaskRow(rs.getLong("id"),
            rs.getLong("incident_id"), rs.getString("name"), rs.getString("state"), UtcColumns.instant(rs, "opened_at"),
            UtcColumns.instant(rs, "completed_at"), rs.getString("completed_by"));

    private static final RowMapper<IncidentTimelineRow> TIMELINE = (rs, n) -> new IncidentTimelineRow(rs.getLong("id"),
            rs.getLong("incident_id"), UtcColumns.instant(rs, "at"), rs.getString("kind"), rs.getString("text"),
            rs.getString("actor"), rs.getObject("firing_id", Long.class));

    private final JdbcTemplate jdbc;

    public IncidentQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Incidents newest first.
     *
     * @param stateOrNull         only incidents in this state, or UNRESOLVED (any case)
     * @param currentStatusOrNull only incidents whose element or service has this status now
     *                            (NORMAL: the ones that are over but still open)
     * @param beforeIdOrNull      only incidents older than this id (the next page)
     */
    public List<IncidentRow> list(String stateOrNull, Status currentStatusOrNull, Long beforeIdOrNull, int limit) {
        QueryLimits.require(limit);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (stateOrNull != null) {
            String state = state(stateOrNull);
            if (state.equals("UNRESOLVED")) {
                sql.append(" AND i.state IN ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATING')");
            } else {
                sql.append(" AND i.state = ?");
                args.add(state);
            }
        }
        if (currentStatusOrNull != null) {
            sql.append(" AND COALESCE(e.status, s.status) = ?");
            args.add(currentStatusOrNull.name());
        }
        if (beforeIdOrNull != null) {
            sql.append(" AND i.id < ?");
            args.add(beforeIdOrNull);
        }
        sql.append(" ORDER BY i.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), INCIDENT, args.toArray());
    }

    public Optional<IncidentDetail> byId(long id) {
        return jdbc.query(SELECT + " WHERE i.id = ?", INCIDENT, id).stream().findFirst().map(incident -> new IncidentDetail(incident,
                jdbc.query("SELECT id, incident_id, name, state, opened_at, completed_at, completed_by FROM incident_task"
                        + " WHERE incident_id = ? ORDER BY opened_at, id", TASK, id),
                jdbc.query("SELECT id, incident_id, at, kind, text, actor, firing_id FROM incident_timeline"
                        + " WHERE incident_id = ? ORDER BY id", TIMELINE, id)));
    }

    private static String state(String text) {
        String state = text.trim().toUpperCase(Locale.ROOT);
        if (!STATE_FILTERS.contains(state)) {
            throw new IllegalArgumentException("unknown incident state \"" + text
                    + "\" (expected OPEN, ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED or UNRESOLVED)");
        }
        return state;
    }

    private static Status currentStatus(String column) {
        return column == null ? null : Status.parse(column);
    }
}
