package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/** Reads the latest status of every element. */
public final class ElementStatusQueries {

    private final JdbcTemplate jdbc;

    public ElementStatusQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Elements ordered by resource, then check. */
    public List<ElementStatusRow> list(int limit) {
        return jdbc.query("SELECT resource, check_name, status, since, last_event_id, updated_at FROM element_status"
                        + " ORDER BY resource, check_name LIMIT ?",
                (rs, n) -> new ElementStatusRow(rs.getString("resource"), rs.getString("check_name"),
                        Status.parse(rs.getString("status")), UtcColumns.instant(rs, "since"), rs.getLong("last_event_id"),
                        UtcColumns.instant(rs, "updated_at")),
                QueryLimits.require(limit));
    }
}
