package io.vigil.store.jdbc;

import io.vigil.session.BatchOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/** The single rows of {@code engine_checkpoint} and {@code engine_snapshot} (id 1 each). */
public final class CheckpointTable {

    /** What engine_checkpoint holds; all zero before the first write. */
    public record Checkpoint(long lastEventId, long lastFiringId, long writeSeq) {
    }

    private final JdbcTemplate jdbc;

    public CheckpointTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Checkpoint checkpoint() {
        return jdbc.query("SELECT last_event_id, last_firing_id, write_seq FROM engine_checkpoint WHERE id = 1",
                        (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .stream().findFirst().orElse(new Checkpoint(0, 0, 0));
    }

    public void saveCheckpoint(Checkpoint checkpoint, Instant now) {
        jdbc.update("INSERT INTO engine_checkpoint (id, last_event_id, last_firing_id, write_seq, updated_at)"
                        + " VALUES (1, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_event_id = VALUES(last_event_id),"
                        + " last_firing_id = VALUES(last_firing_id), write_seq = VALUES(write_seq), updated_at = VALUES(updated_at)",
                checkpoint.lastEventId(), checkpoint.lastFiringId(), checkpoint.writeSeq(), UtcColumns.toColumn(now));
    }

    public Optional<BatchOutcome.Snapshot> snapshot() {
        return jdbc.query("SELECT last_event_id, ruleset_version, session_clock, session FROM engine_snapshot WHERE id = 1",
                        (rs, n) -> new BatchOutcome.Snapshot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)))
                .stream().findFirst();
    }

    public void saveSnapshot(BatchOutcome.Snapshot snapshot, Instant now) {
        jdbc.update("INSERT INTO engine_snapshot (id, last_event_id, ruleset_version, session_clock, taken_at, session)"
                        + " VALUES (1, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_event_id = VALUES(last_event_id),"
                        + " ruleset_version = VALUES(ruleset_version), session_clock = VALUES(session_clock),"
                        + " taken_at = VALUES(taken_at), session = VALUES(session)",
                snapshot.lastEventId(), snapshot.ruleSetVersion(), snapshot.sessionClock(), UtcColumns.toColumn(now),
                snapshot.bytes());
    }
}
