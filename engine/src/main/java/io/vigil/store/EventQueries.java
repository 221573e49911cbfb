package io.vigil.store;

import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads journaled events with their classification, for the console and the API: pages, one event, exports. */
public final class EventQueries {

    /**
     * Rows an export reads per query, and so holds in memory at a time: about 350 KB of ordinary
     * events; were every message (at most 64 Ki characters) and attribute set (a TEXT column) at
     * its size limit, about 250 MB.
     */
    public static final int EXPORT_BATCH = 1_000;

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
    private final int exportBatch;

    public EventQueries(DataSource dataSource) {
        this(dataSource, EXPORT_BATCH);
    }

    /** @param exportBatch rows an export reads per query (tests use small ones to cross batches) */
    public EventQueries(DataSource dataSource, int exportBatch) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.exportBatch = QueryLimits.require(exportBatch);
    }

    /** The newest matching events first; with {@code beforeIdOrNull}, only those older than that id (the next page). */
    public List<EventRow> list(EventFilter filter, Long beforeIdOrNull, int limit) {
        QueryLimits.require(limit);
        EventFilterClause where = EventFilterClause.of(filter);
        if (beforeIdOrNull != null) {
            where.and("j.id < ?", beforeIdOrNull);
        }
        return jdbc.query(SELECT + FROM + where.sql() + " ORDER BY j.id DESC LIMIT ?", ROW, where.args(limit));
    }

    /**
     * Every matching event, oldest first, up to the newest one journaled when the export starts (so
     * an export under steady intake ends). Reads {@code exportBatch} rows per query by id, each
     * query done before its rows go to {@code sink}: no cursor stays open while a slow client
     * reads, and when the sink throws no further query is made.
     *
     * @return how many rows the sink took
     */
    public long export(EventFilter filter, EventRowSink sink) throws IOException {
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM event_journal", Long.class);
        if (newest == null) {
            return 0;
        }
        EventFilterClause where = EventFilterClause.of(filter);
        String batchQuery = SELECT + FROM + where.sql() + " AND j.id > ? AND j.id <= ? ORDER BY j.id LIMIT ?";
        long written = 0;
        long after = 0;
        while (true) {
            List<EventRow> batch = jdbc.query(batchQuery, ROW, where.args(after, newest, exportBatch));
            for (EventRow row : batch) {
                sink.accept(row);
            }
            written += batch.size();
            if (batch.size() < exportBatch) {
                return written;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    public Optional<EventDetail> byId(long id) {
        return jdbc.query(SELECT + ", j.raw, j.raw_bytes" + FROM + " WHERE j.id = ?", (rs, n) -> {
            byte[] bytes = rs.getBytes("raw_bytes");
            return new EventDetail(ROW.mapRow(rs, n), rs.getString("raw"),
                    bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
        }, id).stream().findFirst();
    }
}
