package io.vigil.store.jdbc;

import io.vigil.session.BatchOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The single rows of {@code engine_checkpoint} and {@code engine_snapshot} (id 1 each). */
public final class CheckpointTable {

    /**
     * What engine_checkpoint holds; all zero before the first write. {@code verifiedEventId}: how far
     * recovery has checked that every journaled event was processed (it only ever grows; 0 in a
     * write that does not move it).
     */
    public record Checkpoint(long lastEventId, long lastFiringId, long writeSeq, long verifiedEventId) {
    }

    /** Snapshot part size: a quarter of the default max_allowed_packet. */
    static final int PART_BYTES = 4 << 20;

    private final JdbcTemplate jdbc;

    public CheckpointTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Checkpoint checkpoint() {
        return jdbc.query("SELECT last_event_id, last_firing_id, write_seq, verified_event_id FROM engine_checkpoint"
                                + " WHERE id = 1", (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .stream().findFirst().orElse(new Checkpoint(0, 0, 0, 0));
    }

    public void saveCheckpoint(Checkpoint checkpoint, Instant now) {
        jdbc.update("INSERT INTO engine_checkpoint (id, last_event_id, last_firing_id, verified_event_id, write_seq, updated_at)"
                        + " VALUES (1, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_event_id = VALUES(last_event_id),"
                        + " last_firing_id = VALUES(last_firing_id),"
                        + " verified_event_id = GREATEST(verified_event_id, VALUES(verified_event_id)),"
                        + " write_seq = VALUES(write_seq), updated_at = VALUES(updated_at)",
                checkpoint.lastEventId(), checkpoint.lastFiringId(), checkpoint.verifiedEventId(), checkpoint.writeSeq(),
                UtcColumns.toColumn(now));
    }

    public Optional<BatchOutcome.Snapshot> snapshot() {
        return jdbc.query("SELECT last_event_id, ruleset_version, session_clock, last_process_instance_id,"
                                + " last_work_item_id, parts FROM engine_snapshot WHERE id = 1",
                        (rs, n) -> new BatchOutcome.Snapshot(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), joinedParts(rs.getInt(6))))
                .stream().findFirst();
    }

    /** Stores the snapshot in parts of at most {@link #PART_BYTES} (see V3__snapshot_parts.sql). */
    public void saveSnapshot(BatchOutcome.Snapshot snapshot, Instant now) {
        byte[] bytes = snapshot.bytes();
        int parts = Math.max(1, (bytes.length + PART_BYTES - 1) / PART_BYTES);
        jdbc.update("DELETE FROM engine_snapshot_part");
        for (int part = 0; part < parts; part++) {
            int from = part * PART_BYTES;
            // One statement per part: each is its own packet, below max_allowed_packet.
            jdbc.update("INSERT INTO engine_snapshot_part (part, bytes) VALUES (?, ?)", part,
                    Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PART_BYTES)));
        }
        jdbc.update("INSERT INTO engine_snapshot (id, last_event_id, ruleset_version, session_clock,"
                        + " last_process_instance_id, last_work_item_id, taken_at, parts)"
                        + " VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_event_id = VALUES(last_event_id),"
                        + " ruleset_version = VALUES(ruleset_version), session_clock = VALUES(session_clock),"
                        + " last_process_instance_id = VALUES(last_process_instance_id),"
                        + " last_work_item_id = VALUES(last_work_item_id), taken_at = VALUES(taken_at), parts = VALUES(parts)",
                snapshot.lastEventId(), snapshot.ruleSetVersion(), snapshot.sessionClock(),
                snapshot.lastProcessInstanceId(), snapshot.lastWorkItemId(), UtcColumns.toColumn(now), parts);
    }

    private byte[] joinedParts(int parts) {
        List<byte[]> stored = jdbc.query("SELECT bytes FROM engine_snapshot_part ORDER BY part",
                (rs, n) -> rs.getBytes(1));
        if (stored.size() != parts) {
            throw new IllegalStateException("the stored engine snapshot has " + stored.size() + " parts, expected " + parts);
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream(parts * PART_BYTES);
        stored.forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
