package io.vigil.audit.jdbc;

import io.vigil.audit.Firing;
import io.vigil.store.jdbc.Columns;
import io.vigil.store.jdbc.JdbcBatches;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Appends firings to the audit trail, each chained to the one before in id order. A routine
 * firing ({@link Firing#routine()}) goes into a pack ({@code rule_firing_pack}, see {@link FiringPack}),
 * every other firing into its own {@code rule_firing} row; the chain runs through both alike. The
 * chain head (the last stored hash) is loaded once; one writer per node appends. Appending happens
 * inside the caller's transaction, so the head only moves when the caller reports the commit: a
 * rolled-back and retried transaction recomputes the same hashes.
 */
public final class FiringLedger {

    /** A pack is closed at this many firings or this many characters of text, whichever comes first. */
    static final int PACK_FIRINGS = 10_000;
    static final long PACK_CHARS = 2L << 20;

    private static final String INSERT_ROW = "INSERT INTO rule_firing (id, fired_at, rule_name, rule_package, ruleset_version,"
            + " facts, event_ids, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PACK = "INSERT INTO rule_firing_pack (id, last_id, firings, first_fired_at,"
            + " last_fired_at, first_event_id, last_event_id, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PACK_RULE = "INSERT INTO rule_firing_pack_rule (rule_name, pack_id, firings) VALUES (?, ?, ?)";

    /** A firing with its own row. */
    private record Row(StoredFiring firing, String prevHash, String hash) {
    }

    /** A pack being filled. */
    private static final class Pack {
        final String prevHash;
        final List<StoredFiring> firings = new ArrayList<>();
        final Map<String, Integer> rules = new LinkedHashMap<>();
        String hash;
        long chars;
        long firstEventId = Long.MAX_VALUE;
        long lastEventId = Long.MIN_VALUE;
        byte[] body;

        Pack(String prevHash) {
            this.prevHash = prevHash;
        }

        void add(StoredFiring firing, List<Long> eventIds, String hash) {
            firings.add(firing);
            rules.merge(firing.rule(), 1, Integer::sum);
            chars += firing.facts().length() + firing.outcome().length() + JdbcBatches.length(firing.eventIds());
            for (long eventId : eventIds) {
                firstEventId = Math.min(firstEventId, eventId);
                lastEventId = Math.max(lastEventId, eventId);
            }
            this.hash = hash;
        }

        boolean full() {
            return firings.size() >= PACK_FIRINGS || chars >= PACK_CHARS;
        }

        StoredFiring first() {
            return firings.get(0);
        }

        StoredFiring last() {
            return firings.get(firings.size() - 1);
        }
    }

    private final JdbcTemplate jdbc;
    private String head;

    public FiringLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.head = storedHead(jdbc);
    }

    /**
     * Inserts the firings chained after the current head, within the caller's transaction (a
     * transaction on the same DataSource must be active). Returns the new head, to be passed to
     * {@link #committed(String)} once that transaction has committed.
     */
    public String append(List<Firing> firings) {
        if (firings.isEmpty()) {
            return head;
        }
        List<Row> rows = new ArrayList<>();
        List<Pack> packs = new ArrayList<>();
        Pack pack = null;
        String prev = head;
        for (Firing firing : firings) {
            StoredFiring stored = stored(firing);
            String hash = stored.hash(prev);
            if (firing.routine()) {
                if (pack == null || pack.full()) {
                    pack = new Pack(prev);
                    packs.add(pack);
                }
                pack.add(stored, firing.eventIds(), hash);
            } else {
                rows.add(new Row(stored, prev, hash));
            }
            prev = hash;
        }
        insertRows(rows);
        insertPacks(packs);
        return prev;
    }

    /** The firing's columns as stored, rule and package names cut to their columns before hashing. */
    private static StoredFiring stored(Firing f) {
        String eventIds = f.eventIds().isEmpty() ? null
                : f.eventIds().size() == 1 ? f.eventIds().get(0).toString()
                : f.eventIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        return new StoredFiring(f.id(), f.firedAt(), Columns.fit(f.rule(), 255), Columns.fit(f.rulePackage(), 255),
                f.ruleSetVersion(), JsonColumns.facts(f.facts()), eventIds, f.outcome());
    }

    private void insertRows(List<Row> rows) {
        JdbcBatches.insert(jdbc, INSERT_ROW, rows, FiringLedger::estimatedChars, (ps, row) -> {
            StoredFiring firing = row.firing();
            ps.setLong(1, firing.id());
            ps.setObject(2, UtcColumns.toColumn(firing.firedAt()));
            ps.setString(3, firing.rule());
            ps.setString(4, firing.rulePackage());
            ps.setString(5, firing.ruleSetVersion());
            ps.setString(6, firing.facts());
            ps.setString(7, firing.eventIds());
            ps.setString(8, firing.outcome());
            ps.setString(9, row.prevHash());
            ps.setString(10, row.hash());
        });
    }

    private void insertPacks(List<Pack> packs) {
        if (packs.isEmpty()) {
            return;
        }
        for (Pack pack : packs) {
            // Facts repeat from firing to firing and are written once: about half the texts' length.
            pack.body = FiringPack.encode(pack.firings, (int) Math.min(PACK_CHARS, pack.chars / 2 + 1_024));
        }
        // The estimate is in characters counted ×4; a body is bytes, so a quarter of its length.
        JdbcBatches.insert(jdbc, INSERT_PACK, packs, pack -> pack.body.length / 4 + 1, (ps, pack) -> {
            ps.setLong(1, pack.first().id());
            ps.setLong(2, pack.last().id());
            ps.setInt(3, pack.firings.size());
            ps.setObject(4, UtcColumns.toColumn(pack.first().firedAt()));
            ps.setObject(5, UtcColumns.toColumn(pack.last().firedAt()));
            ps.setLong(6, pack.firstEventId == Long.MAX_VALUE ? 0 : pack.firstEventId);
            ps.setLong(7, pack.lastEventId == Long.MIN_VALUE ? 0 : pack.lastEventId);
            ps.setBytes(8, pack.body);
            ps.setString(9, pack.prevHash);
            ps.setString(10, pack.hash);
        });
        List<Object[]> rules = new ArrayList<>();
        for (Pack pack : packs) {
            pack.rules.forEach((rule, count) -> rules.add(new Object[] {rule, pack.first().id(), count}));
        }
        jdbc.batchUpdate(INSERT_PACK_RULE, rules);
    }

    private static long estimatedChars(Row row) {
        StoredFiring firing = row.firing();
        return firing.facts().length() + JdbcBatches.length(firing.eventIds()) + firing.outcome().length()
                + firing.rule().length() + firing.rulePackage().length() + 3 * 64;
    }

    /** The transaction holding the last {@link #append} committed: chain further firings after it. */
    public void committed(String newHead) {
        this.head = newHead;
    }

    /** Reads the head from the tables again, after a commit whose outcome was unknown turned out to have landed. */
    public void reload() {
        this.head = storedHead(jdbc);
    }

    /** The hash the next firing will be chained to. */
    public String head() {
        return head;
    }

    /** The hash after the stored firing with the highest id, row or packed. */
    private static String storedHead(JdbcTemplate jdbc) {
        List<Map<String, Object>> row = jdbc.queryForList("SELECT id, hash FROM rule_firing ORDER BY id DESC LIMIT 1");
        List<Map<String, Object>> pack = jdbc.queryForList("SELECT last_id, hash FROM rule_firing_pack ORDER BY id DESC LIMIT 1");
        if (row.isEmpty() && pack.isEmpty()) {
            return FiringHash.GENESIS;
        }
        if (pack.isEmpty() || !row.isEmpty()
                && ((Number) row.get(0).get("id")).longValue() > ((Number) pack.get(0).get("last_id")).longValue()) {
            return (String) row.get(0).get("hash");
        }
        return (String) pack.get(0).get("hash");
    }

    /** The highest firing id stored, row or packed (0 when none). */
    public static long lastFiringId(JdbcTemplate jdbc) {
        Long id = jdbc.queryForObject("SELECT GREATEST(COALESCE((SELECT MAX(id) FROM rule_firing), 0),"
                + " COALESCE((SELECT MAX(last_id) FROM rule_firing_pack), 0))", Long.class);
        return id == null ? 0 : id;
    }
}
