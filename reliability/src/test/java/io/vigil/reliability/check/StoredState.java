package io.vigil.reliability.check;

import io.vigil.audit.jdbc.JdbcAuditTrail;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server stored, read straight from its database (a fresh connection per read, so a
 * read works across database restarts): the journal, the classifications, the audit trail of
 * the classification rule, the engine checkpoint and the incidents.
 */
public final class StoredState {

    /** The rule that reports each event's classification: it fires exactly once per event. */
    public static final String CLASSIFICATION_RULE = "Report event classification";

    private final String jdbcUrl;

    public StoredState(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "connectTimeout=2000&socketTimeout=30000";
    }

    /** Each load marker starting with {@code prefix}, with the journal ids that hold it (more than one: a duplicate). */
    public Map<String, List<Long>> journalByMarker(String prefix) {
        Map<String, List<Long>> byMarker = new HashMap<>();
        query("SELECT id, message FROM event_journal WHERE message LIKE ? ORDER BY id", rs -> {
            byMarker.computeIfAbsent(rs.getString(2), m -> new ArrayList<>(1)).add(rs.getLong(1));
        }, prefix + "%");
        return byMarker;
    }

    /** The journal ids above {@code id}. */
    public BitSet journalIdsAbove(long id) {
        return ids("SELECT id FROM event_journal WHERE id > " + id);
    }

    public BitSet classifiedIds() {
        return ids("SELECT event_id FROM event_classification");
    }

    /**
     * How often the classification rule fired for each event id, from the audit trail (read with the
     * server's own reader: most of these firings are routine and stored packed).
     */
    public Map<Long, Integer> classificationFirings() {
        Map<Long, Integer> firings = new HashMap<>();
        new JdbcAuditTrail(new DriverManagerDataSource(jdbcUrl, "root", "")).walk(firing -> {
            if (firing.rule().equals(CLASSIFICATION_RULE)) {
                firing.eventIds().forEach(id -> firings.merge(id, 1, Integer::sum));
            }
        });
        return firings;
    }

    public long lastJournalId() {
        return single("SELECT COALESCE(MAX(id), 0) FROM event_journal");
    }

    /** The last event id the engine's stored state covers (0 before its first checkpoint). */
    public long checkpoint() {
        return single("SELECT COALESCE(MAX(last_event_id), 0) FROM engine_checkpoint");
    }

    public Optional<StoredIncident> incidentFor(String resource) {
        List<StoredIncident> found = new ArrayList<>();
        query("SELECT id, state, escalation_level, process_instance_id FROM incident WHERE resource = ? ORDER BY id",
                rs -> found.add(new StoredIncident(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4))), resource);
        return found.stream().findFirst();
    }

    public StoredIncident incident(long id) {
        List<StoredIncident> found = new ArrayList<>();
        query("SELECT id, state, escalation_level, process_instance_id FROM incident WHERE id = ?",
                rs -> found.add(new StoredIncident(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4))), id);
        return found.stream().findFirst().orElseThrow(() -> new IllegalStateException("no incident " + id));
    }

    /** Process instance ids that more than one incident row carries, with those incident ids. */
    public Map<Long, List<Long>> sharedProcessInstanceIds() {
        Map<Long, List<Long>> byProcess = new HashMap<>();
        query("SELECT process_instance_id, id FROM incident ORDER BY id",
                rs -> byProcess.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)));
        byProcess.values().removeIf(incidents -> incidents.size() < 2);
        return byProcess;
    }

    private BitSet ids(String sql) {
        BitSet ids = new BitSet();
        query(sql, rs -> ids.set(Math.toIntExact(rs.getLong(1))));
        return ids;
    }

    private long single(String sql) {
        long[] value = new long[1];
        query(sql, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's database (" + sql + "): " + e.getMessage(), e);
        }
    }
}
