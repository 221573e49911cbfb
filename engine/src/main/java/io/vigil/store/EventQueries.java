package io.vigil.store;

import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Reads journaled events with their classification, for the console and the API. */
public final class EventQueries {

    private static final String SELECT = "SELECT j.id, j.received_at, j.occurred_at, j.transport, j.source, j.resource,"
            + " j.check_name, j.status, j.severity, j.message, j.attributes, c.category, c.status AS effective_status";
    private static final String FROM = " FROM event_journal j LEFT JOIN event_classification c ON c.event_id = j.id";

    private static final RowMapper<EventRow> ROW = (rs, n) -> {
        int code = rs.getInt("severity");
        Severity severity = rs.wasNull() ? null : Severity.ofCode(code);
        return new EventRow(rs.getLong("id"), UtcColumns.instant(rs, "received_at"), UtcColumns.instant(rs, "occurred_at"),
                rs.getString("transport"), rs.getString("source"), rs.getString("resource"), rs.getString("check_name"),
                Status.parse(rs.getString("status")), severity, rs.getString("message"),
                JsonColumns.attributes(rs.getString("attributes")), rs.getString("category"),
                Status.parse(rs.getString("effective_status")));
    };

    private final JdbcTemplate jdbc;

    public EventQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The newest events first; with {@code beforeIdOrNull}, only those older than that id (the next page). */
    public List<EventRow> latest(int limit, Long beforeIdOrNull) {
        QueryLimits.require(limit);
        if (beforeIdOrNull == null) {
            return jdbc.query(SELECT + FROM + " ORDER BY j.id DESC LIMIT ?", ROW, limit);
        }
        return jdbc.query(SELECT + FROM + " WHERE j.id < ? ORDER BY j.id DESC LIMIT ?", ROW, beforeIdOrNull, limit);
    }

    public Optional<EventDetail> byId(long id) {
        return jdbc.query(SELECT + ", j.raw" + FROM + " WHERE j.id = ?",
                (rs, n) -> new EventDetail(ROW.mapRow(rs, n), rs.getString("raw")), id).stream().findFirst();
    }
}
