package io.vigil.store;

import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads planned downtimes of services. */
public final class DowntimeQueries {

    private static final String SELECT = "SELECT id, service, starts_at, ends_at, comment, created_by, created_at,"
            + " cancelled_at, cancelled_by FROM planned_downtime";

    private static final RowMapper<DowntimeRow> ROW = (rs, n) -> new DowntimeRow(rs.getLong("id"), rs.getString("service"),
            UtcColumns.instant(rs, "starts_at"), UtcColumns.instant(rs, "ends_at"), rs.getString("comment"),
            rs.getString("created_by"), UtcColumns.instant(rs, "created_at"), UtcColumns.instant(rs, "cancelled_at"),
            rs.getString("cancelled_by"));

    private final JdbcTemplate jdbc;

    public DowntimeQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Downtimes by start time.
     *
     * @param serviceOrNull only this service's
     * @param includePast   also those over or cancelled; without it only those running or to come.
     *                      "Now" is the database clock: in production the session clock follows
     *                      wall time, and the engine drops downtimes it finds over anyway.
     */
    public List<DowntimeRow> downtimes(String serviceOrNull, boolean includePast) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (serviceOrNull != null) {
            sql.append(" AND service = ?");
            args.add(serviceOrNull);
        }
        if (!includePast) {
            sql.append(" AND cancelled_at IS NULL AND ends_at > UTC_TIMESTAMP(3)");
        }
        sql.append(" ORDER BY starts_at, id");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    public Optional<DowntimeRow> byId(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }
}
