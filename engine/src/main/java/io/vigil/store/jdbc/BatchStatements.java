package io.vigil.store.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Runs one statement over many rows as a single JDBC batch. The MariaDB driver sends a batched
 * INSERT as one bulk command, which is what keeps high-volume streams cheap (see STACK.md).
 */
final class BatchStatements {

    private final JdbcTemplate jdbc;

    BatchStatements(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Nothing happens for no rows: an empty batch would still cost a round trip. */
    <T> void run(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), setter);
        }
    }

    static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
