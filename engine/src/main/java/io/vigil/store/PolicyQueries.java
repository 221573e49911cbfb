package io.vigil.store;

import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Optional;

/** Reads the escalation-policy document in force (the newest stored one), for the console and the API. */
public final class PolicyQueries {

    private final JdbcTemplate jdbc;

    public PolicyQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The newest document, or empty when none was ever stored. */
    public Optional<StoredPolicyDocument> current() {
        return jdbc.query("SELECT id, version, document, policies, schedules, replaced_by, replaced_at FROM policy_document"
                        + " ORDER BY id DESC LIMIT 1",
                (rs, n) -> new StoredPolicyDocument(rs.getLong("id"), rs.getString("version"), rs.getString("document"),
                        rs.getInt("policies"), rs.getInt("schedules"), rs.getString("replaced_by"),
                        UtcColumns.instant(rs, "replaced_at"))).stream().findFirst();
    }
}
