package io.vigil.store;

import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.audit.jdbc.FiringLedger;
import io.vigil.journal.JournalEntry;
import io.vigil.journal.JournalStore;
import io.vigil.model.Event;
import io.vigil.session.BatchOutcome;
import io.vigil.session.LastIds;
import io.vigil.session.RecoverySource;
import io.vigil.session.RuleSetHistory;
import io.vigil.store.jdbc.CheckpointTable;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What the engine restarts from, read from MariaDB: snapshot, checkpoint, id counters, the journal,
 * and for a start without snapshot the service tree and live planned downtimes.
 */
public final class JdbcRecoverySource implements RecoverySource {

    /** How many journal ids one statement of the unprocessed-event scan covers. */
    private static final long SCAN_RANGE = 100_000;

    private final JdbcTemplate jdbc;
    private final CheckpointTable checkpoints;
    private final DowntimeQueries downtimes;
    private final JournalStore journal;
    private final RuleSetHistory ruleSets;

    /** Without stored rule-set versions: a snapshot is always restored into the active rule set. */
    public JdbcRecoverySource(DataSource dataSource, JournalStore journal) {
        this(dataSource, journal, RuleSetHistory.NONE);
    }

    /** @param ruleSets the stored rule-set versions (the rule-set library) */
    public JdbcRecoverySource(DataSource dataSource, JournalStore journal, RuleSetHistory ruleSets) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.checkpoints = new CheckpointTable(dataSource);
        this.downtimes = new DowntimeQueries(dataSource);
        this.journal = journal;
        this.ruleSets = ruleSets;
    }

    @Override
    public Optional<BatchOutcome.Snapshot> latestSnapshot() {
        return checkpoints.snapshot();
    }

    @Override
    public Optional<SortedMap<String, String>> ruleSetSources(String version) {
        return ruleSets.sources(version);
    }

    @Override
    public Optional<String> ruleSetBefore(String version) {
        return ruleSets.versionBefore(version);
    }

    @Override
    public long checkpointEventId() {
        return checkpoints.checkpoint().lastEventId();
    }

    @Override
    public long verifiedEventId() {
        return checkpoints.checkpoint().verifiedEventId();
    }

    /**
     * A journaled event counts as processed when its classification is stored: the classify rules
     * give every event one, in the transaction that moves the checkpoint past it. Scanned in id
     * ranges, so no single statement runs long however much journal there is to check.
     */
    @Override
    public List<Long> unprocessedEventIds(long afterId, long upToId) {
        List<Long> ids = new ArrayList<>();
        for (long from = afterId; from < upToId; from += SCAN_RANGE) {
            ids.addAll(jdbc.queryForList("SELECT j.id FROM event_journal j LEFT JOIN event_classification c"
                    + " ON c.event_id = j.id WHERE j.id > ? AND j.id <= ? AND c.event_id IS NULL ORDER BY j.id",
                    Long.class, from, Math.min(upToId, from + SCAN_RANGE)));
        }
        return ids;
    }

    @Override
    public void readJournal(List<Long> ids, int chunkSize, Consumer<List<Event>> chunk) {
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<Event> events = journal.read(ids.subList(from, Math.min(ids.size(), from + chunkSize))).stream()
                    .map(JournalEntry::toEvent).toList();
            if (!events.isEmpty()) {
                chunk.accept(events);
            }
        }
    }

    /**
     * The highest stored ids. Firings: the checkpoint's counter or the highest stored firing,
     * whichever is higher. Process instances and work items: as named by incidents and tasks (the
     * snapshot carries jBPM's own counters too; the session takes the higher of both). Alerts: the
     * highest stored alert. Notifications: the highest in the outbox.
     */
    @Override
    public LastIds lastIds() {
        return new LastIds(Math.max(checkpoints.checkpoint().lastFiringId(), FiringLedger.lastFiringId(jdbc)), maxId("incident"),
                maxId("incident_task"), maxId("planned_downtime"), max("process_instance_id", "incident"),
                max("work_item_id", "incident_task"), maxId("alert"), maxId("silence"), maxId("notification"));
    }

    @Override
    public Optional<String> policyDocument() {
        return jdbc.query("SELECT document FROM policy_document ORDER BY id DESC LIMIT 1", (rs, row) -> rs.getString(1))
                .stream().findFirst();
    }

    @Override
    public Optional<String> serviceTreeDocument() {
        return jdbc.query("SELECT document FROM service_tree WHERE id = 1", (rs, row) -> rs.getString(1))
                .stream().findFirst();
    }

    /** Downtimes still to come or running (by the database clock; the engine drops those it finds over). */
    @Override
    public List<StoredDowntime> downtimes() {
        return downtimes.downtimes(null, false).stream().map(DowntimeRow::toStored).toList();
    }

    /** Silences not expired and not over (by the database clock; the engine drops those it finds over). */
    @Override
    public List<StoredSilence> silences() {
        return jdbc.query("SELECT id, matchers, starts_at, ends_at, created_by, comment FROM silence"
                + " WHERE expired_at IS NULL AND ends_at > UTC_TIMESTAMP(3) ORDER BY id", (rs, row) ->
                new StoredSilence(rs.getLong("id"), new SilenceDefinition(Matchers.parse(List.of(rs.getString("matchers").split("\n"))),
                        UtcColumns.instant(rs, "starts_at"), UtcColumns.instant(rs, "ends_at"), rs.getString("created_by"),
                        rs.getString("comment"))));
    }

    @Override
    public long lastJournalId() {
        return journal.lastId();
    }

    @Override
    public void readJournal(long afterId, long upToId, int chunkSize, Consumer<List<Event>> chunk) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("journal chunk size must be at least 1, got " + chunkSize);
        }
        long after = afterId;
        while (after < upToId) {
            List<JournalEntry> entries = journal.read(after, upToId, chunkSize);
            if (entries.isEmpty()) {
                return;
            }
            List<Event> events = new ArrayList<>(entries.size());
            for (JournalEntry entry : entries) {
                events.add(entry.toEvent());
            }
            chunk.accept(events);
            after = entries.get(entries.size() - 1).id();
        }
    }

    private long maxId(String table) {
        return max("id", table);
    }

    private long max(String column, String table) {
        Long max = jdbc.queryForObject("SELECT MAX(" + column + ") FROM " + table, Long.class);
        return max == null ? 0 : max;
    }
}
