package io.vigil.store.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Runs one statement over many rows as JDBC batches (bulk commands, see STACK.md), chunked by
 * {@link JdbcBatches} to fit the server's packet limit. Every column these tables hold is
 * bounded, so a row's size is estimated by its table's widest possible row.
 */
final class BatchStatements {

    private final JdbcTemplate jdbc;

    BatchStatements(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Rows of names and codes: at most two 255-character names plus short values. */
    private static final long NARROW_ROW_CHARS = 640;
    /** Rows with a title, text or comment column (incident, timeline, downtime: up to 2,048 characters). */
    private static final long WIDE_ROW_CHARS = 2_600;

    /** Nothing happens for no rows: an empty batch would still cost a round trip. */
    <T> void run(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        JdbcBatches.insert(jdbc, sql, rows, row -> NARROW_ROW_CHARS, setter);
    }

    /** As {@link #run}, for tables with a long text column. */
    <T> void runWide(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        JdbcBatches.insert(jdbc, sql, rows, row -> WIDE_ROW_CHARS, setter);
    }

    static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
