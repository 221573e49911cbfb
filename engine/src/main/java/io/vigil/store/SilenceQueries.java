package io.vigil.store;

import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the silences made through the API, newest first, by state at a given time. */
public final class SilenceQueries {

    public static final List<String> STATES = List.of("ACTIVE", "PENDING", "EXPIRED");

    private static final String SELECT = "SELECT id, matchers, starts_at, ends_at, comment, created_by, created_at,"
            + " expired_at, expired_by FROM silence";

    private final JdbcTemplate jdbc;

    public SilenceQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Silences in {@code stateOrNull} (ACTIVE, PENDING, EXPIRED; all when null) as of {@code now}. */
    public List<SilenceRow> list(String stateOrNull, Instant now, int limit) {
        QueryLimits.require(limit);
        Object column = UtcColumns.toColumn(now);
        String where = stateOrNull == null ? "" : switch (stateOrNull) {
            case "ACTIVE" -> " WHERE expired_at IS NULL AND starts_at <= ? AND ends_at > ?";
            case "PENDING" -> " WHERE expired_at IS NULL AND starts_at > ?";
            case "EXPIRED" -> " WHERE expired_at IS NOT NULL OR ends_at <= ?";
            default -> throw new IllegalArgumentException("unknown silence state \"" + stateOrNull + "\"");
        };
        Object[] args = switch (where.length() - where.replace("?", "").length()) {
            case 2 -> new Object[]{column, column, limit};
            case 1 -> new Object[]{column, limit};
            default -> new Object[]{limit};
        };
        return jdbc.query(SELECT + where + " ORDER BY id DESC LIMIT ?", row(now), args);
    }

    public Optional<SilenceRow> byId(long id, Instant now) {
        return jdbc.query(SELECT + " WHERE id = ?", row(now), id).stream().findFirst();
    }

    private static RowMapper<SilenceRow> row(Instant now) {
        return (rs, n) -> {
            Instant start = UtcColumns.instant(rs, "starts_at");
            Instant end = UtcColumns.instant(rs, "ends_at");
            Instant expired = UtcColumns.instant(rs, "expired_at");
            String state = expired != null || !end.isAfter(now) ? "EXPIRED" : start.isAfter(now) ? "PENDING" : "ACTIVE";
            return new SilenceRow(rs.getLong("id"), List.of(rs.getString("matchers").split("\n")), start, end,
                    rs.getString("comment"), rs.getString("created_by"), UtcColumns.instant(rs, "created_at"), expired,
                    rs.getString("expired_by"), state);
        };
    }
}
