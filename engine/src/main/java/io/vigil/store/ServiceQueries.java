package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.service.sla.SlaStatus;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Reads the stored service tree and the latest status of its services, for the console and the API. */
public final class ServiceQueries {

    private static final String SELECT_STATUS = "SELECT name, status, value, since, sla_compliance, sla_status"
            + " FROM service_status";

    private static final RowMapper<ServiceStatusRow> STATUS = (rs, n) -> {
        String slaStatus = rs.getString("sla_status");
        return new ServiceStatusRow(rs.getString("name"), Status.parse(rs.getString("status")), rs.getBigDecimal("value"),
                UtcColumns.instant(rs, "since"), rs.getBigDecimal("sla_compliance"),
                slaStatus == null ? null : SlaStatus.valueOf(slaStatus));
    };

    private final JdbcTemplate jdbc;

    public ServiceQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Empty until a tree was first stored. */
    public Optional<StoredServiceTree> tree() {
        return jdbc.query("SELECT version, document, services, updated_at, updated_by FROM service_tree WHERE id = 1",
                (rs, n) -> new StoredServiceTree(rs.getString("version"), rs.getString("document"), rs.getInt("services"),
                        UtcColumns.instant(rs, "updated_at"), rs.getString("updated_by"))).stream().findFirst();
    }

    /**
     * Every service with a stored status, by name. Not paged: there is one row per service of the
     * current tree (removed services are deleted with the tree change), which the list shows whole.
     */
    public List<ServiceStatusRow> statuses() {
        return jdbc.query(SELECT_STATUS + " ORDER BY name", STATUS);
    }

    /** Empty for an unknown service and for one with nothing stored yet (still in its first status, UNKNOWN). */
    public Optional<ServiceStatusRow> status(String name) {
        return jdbc.query(SELECT_STATUS + " WHERE name = ?", STATUS, name).stream().findFirst();
    }
}
