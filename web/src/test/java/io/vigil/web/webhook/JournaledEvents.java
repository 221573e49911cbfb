package io.vigil.web.webhook;

import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The journal's rows as the webhook tests read them back: what was stored, not what the API shows. */
final class JournaledEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One journal row, with its attributes parsed. */
    record Row(long id, Instant occurredAt, String transport, String source, String resource, String check, String status,
               String message, Map<String, String> attributes, String raw) {
    }

    private final JdbcTemplate db;

    JournaledEvents(DataSource dataSource) {
        this.db = new JdbcTemplate(dataSource);
    }

    long count() {
        return db.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class);
    }

    Row byId(long id) {
        return where("id = ?", id).get(0);
    }

    /** The rows of one transport and check, oldest first. */
    List<Row> ofCheck(String transport, String check) {
        return where("transport = ? AND check_name = ?", transport, check);
    }

    private List<Row> where(String condition, Object... args) {
        return db.query("SELECT id, occurred_at, transport, source, resource, check_name, status, message, attributes, raw"
                + " FROM event_journal WHERE " + condition + " ORDER BY id", (rs, n) -> new Row(rs.getLong("id"),
                UtcColumns.instant(rs, "occurred_at"), rs.getString("transport"),
                rs.getString("source"), rs.getString("resource"), rs.getString("check_name"), rs.getString("status"),
                rs.getString("message"), JSON.readValue(rs.getString("attributes"), new TypeReference<Map<String, String>>() {
                }), rs.getString("raw")), args);
    }
}
