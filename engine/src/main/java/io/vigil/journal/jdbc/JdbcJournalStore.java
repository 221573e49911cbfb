package io.vigil.journal.jdbc;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.JournalStore;
import io.vigil.journal.KeyedRequest;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.store.jdbc.JdbcBatches;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The journal in MariaDB's {@code event_journal}. A batch is one JDBC batch in one transaction;
 * with the driver's default {@code useBulkStmtsForInserts=true} it travels as a single bulk
 * command, the fastest durable insert path measured here (see STACK.md).
 *
 * <p>Appends may use connections of their own that stay in manual-commit mode: a connection taken
 * from an ordinary pool (auto-commit on) costs two more statements per transaction, {@code set
 * autocommit=0} before it and {@code =1} after it, each a round trip that a single-event request
 * waits for (about a third of an uncontended commit on loopback; see BENCHMARKS.md).
 */
public final class JdbcJournalStore implements JournalStore {

    private static final String INSERT = "INSERT INTO event_journal (id, received_at, occurred_at, transport, source,"
            + " resource, check_name, status, severity, message, attributes, raw, raw_bytes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_COLUMNS = "SELECT id, received_at, occurred_at, transport, source, resource,"
            + " check_name, status, severity, message, attributes, raw, raw_bytes FROM event_journal";
    private static final String SELECT = SELECT_COLUMNS + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";

    /** A key's row is replaced only once it has expired (the writer checks): a key past its retention counts as new. */
    private static final String INSERT_KEYED = "INSERT INTO intake_request (idempotency_key, body_sha256, first_event_id,"
            + " events, received_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE body_sha256 = VALUES(body_sha256),"
            + " first_event_id = VALUES(first_event_id), events = VALUES(events), received_at = VALUES(received_at)";

    private static final RowMapper<JournalEntry> ENTRY = (rs, row) -> {
        int severity = rs.getInt("severity");
        Severity parsedSeverity = rs.wasNull() ? null : Severity.ofCode(severity);
        EventDraft draft = new EventDraft(UtcColumns.instant(rs, "received_at"), UtcColumns.instant(rs, "occurred_at"),
                rs.getString("transport"), rs.getString("source"), rs.getString("resource"), rs.getString("check_name"),
                Status.parse(rs.getString("status")), parsedSeverity, rs.getString("message"),
                JsonColumns.attributes(rs.getString("attributes")), rs.getString("raw"), rs.getBytes("raw_bytes"));
        return new JournalEntry(rs.getLong("id"), draft);
    };

    private final JdbcTemplate jdbc;
    private final JdbcTemplate appends;
    private final TransactionTemplate transaction;

    /** Reads, appends and the keys' clean-up on one pool. */
    public JdbcJournalStore(DataSource dataSource) {
        this(dataSource, dataSource);
    }

    /**
     * @param dataSource  reads and the keys' clean-up
     * @param appendPool  appends only, each in a transaction of its own; best a pool whose
     *                    connections stay in manual-commit mode (auto-commit off), so that a
     *                    transaction costs no statements but its own
     */
    public JdbcJournalStore(DataSource dataSource, DataSource appendPool) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.appends = new JdbcTemplate(appendPool);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(appendPool));
    }

    @Override
    public long lastId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM event_journal", Long.class);
        return max == null ? 0 : max;
    }

    @Override
    public void append(List<JournalEntry> entries, List<KeyedRequest> keyedRequests) {
        if (entries.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            JdbcBatches.insert(appends, INSERT, entries, JdbcJournalStore::estimatedChars, JdbcJournalStore::bind);
            if (!keyedRequests.isEmpty()) {
                appends.batchUpdate(INSERT_KEYED, keyedRequests, keyedRequests.size(), (ps, request) -> {
                    ps.setString(1, request.idempotencyKey());
                    ps.setString(2, request.bodySha256());
                    ps.setLong(3, request.firstId());
                    ps.setInt(4, request.events());
                    ps.setObject(5, UtcColumns.toColumn(request.receivedAt()));
                });
            }
        });
    }

    @Override
    public long count(long firstId, long lastId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM event_journal WHERE id BETWEEN ? AND ?", Long.class,
                firstId, lastId);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<KeyedRequest> findKeyedRequest(String idempotencyKey) {
        return jdbc.query("SELECT idempotency_key, body_sha256, first_event_id, events, received_at FROM intake_request"
                        + " WHERE idempotency_key = ?",
                (rs, row) -> new KeyedRequest(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        UtcColumns.instant(rs, "received_at")), idempotencyKey).stream().findFirst();
    }

    @Override
    public int forgetKeyedRequests(Instant before, int limit) {
        return jdbc.update("DELETE FROM intake_request WHERE received_at < ? LIMIT ?", UtcColumns.toColumn(before), limit);
    }

    @Override
    public List<JournalEntry> read(long afterId, long upToId, int limit) {
        return jdbc.query(SELECT, ENTRY, afterId, upToId, limit);
    }

    @Override
    public List<JournalEntry> read(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        return jdbc.query(SELECT_COLUMNS + " WHERE id IN (" + placeholders + ") ORDER BY id", ENTRY, ids.toArray());
    }

    private static long estimatedChars(JournalEntry entry) {
        EventDraft draft = entry.draft();
        long attributes = 0;
        for (var attribute : draft.attributes().entrySet()) {
            attributes += attribute.getKey().length() + attribute.getValue().length() + 6;
        }
        return JdbcBatches.length(draft.message()) + JdbcBatches.length(draft.raw())
                + (draft.rawBytes() == null ? 0 : 2L * draft.rawBytes().length) + draft.source().length()
                + draft.resource().length() + draft.check().length() + attributes;
    }

    private static void bind(PreparedStatement ps, JournalEntry entry) throws SQLException {
        EventDraft draft = entry.draft();
        ps.setLong(1, entry.id());
        ps.setObject(2, UtcColumns.toColumn(draft.receivedAt()));
        ps.setObject(3, UtcColumns.toColumn(draft.occurredAt()));
        ps.setString(4, draft.transport());
        ps.setString(5, draft.source());
        ps.setString(6, draft.resource());
        ps.setString(7, draft.check());
        ps.setString(8, draft.status() == null ? null : draft.status().name());
        if (draft.severity() == null) {
            ps.setNull(9, Types.TINYINT);
        } else {
            ps.setInt(9, draft.severity().code());
        }
        ps.setString(10, draft.message());
        ps.setString(11, JsonColumns.attributes(draft.attributes()));
        ps.setString(12, draft.raw());
        ps.setBytes(13, draft.rawBytes());
    }
}
