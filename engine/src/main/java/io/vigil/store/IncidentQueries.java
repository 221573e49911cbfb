package io.vigil.store;

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

    /** The states an incident can be in, for filters. */
    public static final Set<String> STATES = Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED");

    private static final String SELECT = "SELECT id, resource, check_name, service, title, state, escalation_level,"
            + " opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, opened_by_firing_id, opened_by_event_id,"
            + " process_instance_id FROM incident";

    private static final RowMapper<IncidentRow> INCIDENT = (rs, n) -> new IncidentRow(rs.getLong("id"),
            rs.getString("resource"), rs.getString("check_name"), rs.getString("service"), rs.getString("title"),
            rs.getString("state"), rs.getInt("escalation_level"), UtcColumns.instant(rs, "opened_at"), UtcColumns.instant(rs, "acknowledged_at"),
            rs.getString("acknowledged_by"), UtcColumns.instant(rs, "resolved_at"), rs.getString("resolved_by"),
            rs.getObject("opened_by_firing_id", Long.class), rs.getObject("opened_by_event_id", Long.class),
            rs.getLong("process_instance_id"));

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
     * @param stateOrNull    only incidents in this state (any case)
     * @param beforeIdOrNull only incidents older than this id (the next page)
     */
    public List<IncidentRow> list(String stateOrNull, Long beforeIdOrNull, int limit) {
        QueryLimits.require(limit);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (stateOrNull != null) {
            sql.append(" AND state = ?");
            args.add(state(stateOrNull));
        }
        if (beforeIdOrNull != null) {
            sql.append(" AND id < ?");
            args.add(beforeIdOrNull);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), INCIDENT, args.toArray());
    }

    public Optional<IncidentDetail> byId(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", INCIDENT, id).stream().findFirst().map(incident -> new IncidentDetail(incident,
                jdbc.query("SELECT id, incident_id, name, state, opened_at, completed_at, completed_by FROM incident_task"
                        + " WHERE incident_id = ? ORDER BY opened_at, id", TASK, id),
                jdbc.query("SELECT id, incident_id, at, kind, text, actor, firing_id FROM incident_timeline"
                        + " WHERE incident_id = ? ORDER BY id", TIMELINE, id)));
    }

    private static String state(String text) {
        String state = text.trim().toUpperCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("unknown incident state \"" + text + "\" (expected OPEN, ACKNOWLEDGED or RESOLVED)");
        }
        return state;
    }
}
