package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the latest status of elements: all of them, or those a service is made of. */
public final class ElementStatusQueries {

    /** Resources per query: keeps statements small for services of thousands of elements. */
    private static final int RESOURCES_PER_QUERY = 1_000;

    private static final String SELECT = "SELECT resource, check_name, status, since, last_event_id, updated_at"
            + " FROM element_status";

    private static final RowMapper<ElementStatusRow> ROW = (rs, n) -> new ElementStatusRow(rs.getString("resource"),
            rs.getString("check_name"), Status.parse(rs.getString("status")), UtcColumns.instant(rs, "since"),
            rs.getLong("last_event_id"), UtcColumns.instant(rs, "updated_at"));

    private static final Comparator<ElementStatusRow> BY_ELEMENT =
            Comparator.comparing(ElementStatusRow::resource).thenComparing(ElementStatusRow::check);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ElementStatusQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Elements ordered by resource, then check. */
    public List<ElementStatusRow> list(int limit) {
        return jdbc.query(SELECT + " ORDER BY resource, check_name LIMIT ?", ROW, QueryLimits.require(limit));
    }

    /** Every module of the resource (an agent's modules), by check. */
    public List<ElementStatusRow> byResource(String resource) {
        return jdbc.query(SELECT + " WHERE resource = ? ORDER BY check_name", ROW, resource);
    }

    /** Every module of these resources, by resource, then check. */
    public List<ElementStatusRow> byResources(Collection<String> resources) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(resources));
        List<ElementStatusRow> rows = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += RESOURCES_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(from + RESOURCES_PER_QUERY, distinct.size()));
            rows.addAll(named.query(SELECT + " WHERE resource IN (:resources)",
                    new MapSqlParameterSource("resources", chunk), ROW));
        }
        rows.sort(BY_ELEMENT);
        return rows;
    }

    /**
     * The stored ones of these modules, by resource, then check; a module never reported is
     * missing. Looked up by resource (the primary key's first column) and filtered here.
     */
    public List<ElementStatusRow> byKeys(Collection<ElementKey> keys) {
        Set<ElementKey> wanted = Set.copyOf(keys);
        List<ElementStatusRow> rows = new ArrayList<>();
        for (ElementStatusRow row : byResources(wanted.stream().map(ElementKey::resource).toList())) {
            if (wanted.contains(new ElementKey(row.resource(), row.check()))) {
                rows.add(row);
            }
        }
        return rows;
    }
}
