package io.vigil.audit.jdbc;

import io.vigil.audit.AuditAnchor;
import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringFilter;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The audit trail read from {@code rule_firing} (a row per firing) and {@code rule_firing_pack}
 * (routine firings, many to a row; see {@link FiringPack}), both written by {@link FiringLedger}.
 * Packed firings are shown exactly like rows; their prev_hash and hash, stored only at the edges
 * of their pack, are recomputed along the chain.
 */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "id, fired_at, rule_name, rule_package, ruleset_version, facts, event_ids,"
            + " outcome, prev_hash, hash";
    private static final String PACK_COLUMNS = "p.id, p.last_id, p.body, p.prev_hash, p.hash";
    /** Rows and packs read per query while walking the whole chain. */
    private static final int ROW_PAGE = 2_000;
    private static final int PACK_PAGE = 4;

    /** A firing with its own row, its hashes as stored. */
    private record Row(StoredFiring firing, String prevHash, String hash) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(new StoredFiring(rs.getLong("id"),
            UtcColumns.epochMillis(rs, "fired_at"), rs.getString("rule_name"), rs.getString("rule_package"),
            rs.getString("ruleset_version"), rs.getString("facts"), rs.getString("event_ids"), rs.getString("outcome")),
            rs.getString("prev_hash"), rs.getString("hash"));

    /** A pack as stored: its body is decoded only when its firings are needed. */
    private record Pack(long id, long lastId, byte[] body, String prevHash, String hash) {
    }

    private static final RowMapper<Pack> PACK = (rs, n) -> new Pack(rs.getLong("id"), rs.getLong("last_id"),
            rs.getBytes("body"), rs.getString("prev_hash"), rs.getString("hash"));

    /**
     * One firing in chain order, with the hashes stored for it: a row has both; a packed firing has
     * its pack's prev_hash when it is the pack's first and its pack's hash when it is the last.
     */
    private record Link(StoredFiring firing, String storedPrevHash, String storedHash, Pack pack) {
    }

    private final JdbcTemplate jdbc;

    public JdbcAuditTrail(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<FiringRow> query(FiringFilter filter, int limit) {
        QueryLimits.require(limit);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rule_firing WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, filter.rule(), " AND rule_name = ?");
        condition(sql, args, filter.version(), " AND ruleset_version = ?");
        condition(sql, args, filter.since() == null ? null : UtcColumns.toColumn(filter.since()), " AND fired_at >= ?");
        condition(sql, args, filter.until() == null ? null : UtcColumns.toColumn(filter.until()), " AND fired_at <= ?");
        // event_ids is "1,2,3": FIND_IN_SET reads it exactly (no index; the other conditions narrow first)
        condition(sql, args, filter.eventId() == null ? null : String.valueOf(filter.eventId()),
                " AND FIND_IN_SET(?, event_ids) > 0");
        condition(sql, args, filter.beforeId(), " AND id < ?");
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        List<FiringRow> found = new ArrayList<>(jdbc.query(sql.toString(), ROW, args.toArray()).stream()
                .map(row -> show(row.firing(), row.prevHash(), row.hash())).toList());
        found.addAll(newestPacked(filter, limit));
        found.sort(Comparator.comparingLong(FiringRow::id).reversed());
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private static void condition(StringBuilder sql, List<Object> args, Object value, String clause) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    /** Up to {@code limit} packed firings that match, newest first; packs are picked by their indexed columns. */
    private List<FiringRow> newestPacked(FiringFilter filter, int limit) {
        List<FiringRow> found = new ArrayList<>();
        long below = filter.beforeId() == null ? Long.MAX_VALUE : filter.beforeId();
        while (found.size() < limit) {
            StringBuilder sql = new StringBuilder("SELECT " + PACK_COLUMNS + " FROM rule_firing_pack p");
            List<Object> args = new ArrayList<>();
            if (filter.rule() != null) {
                sql.append(" JOIN rule_firing_pack_rule r ON r.pack_id = p.id AND r.rule_name = ?");
                args.add(filter.rule());
            }
            sql.append(" WHERE p.id < ?");
            args.add(below);
            condition(sql, args, filter.since() == null ? null : UtcColumns.toColumn(filter.since()), " AND p.last_fired_at >= ?");
            condition(sql, args, filter.until() == null ? null : UtcColumns.toColumn(filter.until()), " AND p.first_fired_at <= ?");
            if (filter.eventId() != null) {
                sql.append(" AND p.last_event_id >= ? AND p.first_event_id <= ?");
                args.add(filter.eventId());
                args.add(filter.eventId());
            }
            sql.append(" ORDER BY p.id DESC LIMIT ").append(PACK_PAGE);
            List<Pack> packs = jdbc.query(sql.toString(), PACK, args.toArray());
            for (Pack pack : packs) {
                List<FiringRow> firings = firingsOf(pack);
                for (int i = firings.size() - 1; i >= 0 && found.size() < limit; i--) {
                    if (filter.matches(firings.get(i))) {
                        found.add(firings.get(i));
                    }
                }
                below = pack.id();
            }
            if (packs.size() < PACK_PAGE) {
                break;
            }
        }
        return found;
    }

    @Override
    public Optional<FiringRow> byId(long id) {
        Optional<Row> row = jdbc.query("SELECT " + COLUMNS + " FROM rule_firing WHERE id = ?", ROW, id).stream().findFirst();
        if (row.isPresent()) {
            return row.map(r -> show(r.firing(), r.prevHash(), r.hash()));
        }
        return jdbc.query("SELECT " + PACK_COLUMNS + " FROM rule_firing_pack p WHERE p.id <= ? ORDER BY p.id DESC LIMIT 1",
                        PACK, id).stream()
                .filter(pack -> pack.lastId() >= id)
                .flatMap(pack -> firingsOf(pack).stream())
                .filter(firing -> firing.id() == id)
                .findFirst();
    }

    @Override
    public List<FiringRow> ofIncident(long incidentId) {
        // with the firings of the alert it was opened for: they matched the events that raised it
        return byIds(jdbc.queryForList("SELECT opened_by_firing_id FROM incident WHERE id = ? AND opened_by_firing_id IS NOT NULL"
                + " UNION SELECT firing_id FROM incident_timeline WHERE incident_id = ? AND firing_id IS NOT NULL"
                + " UNION SELECT h.firing_id FROM incident i JOIN alert_history h ON h.alert_id = i.alert_id"
                + " WHERE i.id = ? AND h.firing_id IS NOT NULL", Long.class, incidentId, incidentId, incidentId));
    }

    @Override
    public List<FiringRow> ofAlert(long alertId) {
        return byIds(jdbc.queryForList("SELECT DISTINCT firing_id FROM alert_history WHERE alert_id = ?"
                + " AND firing_id IS NOT NULL", Long.class, alertId));
    }

    private List<FiringRow> byIds(List<Long> ids) {
        return ids.stream().sorted().distinct().map(this::byId).flatMap(Optional::stream).toList();
    }

    /**
     * A pack's firings with their hashes, recomputed from the pack's prev_hash: where a row falls
     * between two of them (a firing that was not routine), the chain goes on from that row's hash.
     */
    private List<FiringRow> firingsOf(Pack pack) {
        List<StoredFiring> firings = decode(pack);
        Deque<RowHash> between = new ArrayDeque<>(jdbc.query("SELECT id, hash FROM rule_firing WHERE id > ? AND id < ? ORDER BY id",
                (rs, n) -> new RowHash(rs.getLong("id"), rs.getString("hash")), pack.id(), pack.lastId()));
        List<FiringRow> shown = new ArrayList<>(firings.size());
        String chain = pack.prevHash();
        for (StoredFiring firing : firings) {
            while (!between.isEmpty() && between.peekFirst().id() < firing.id()) {
                chain = between.pollFirst().hash();
            }
            String hash = firing.hash(chain);
            shown.add(show(firing, chain, hash));
            chain = hash;
        }
        return shown;
    }

    /** A row's id and stored hash: where the chain stands after it. */
    private record RowHash(long id, String hash) {
    }

    @Override
    public VerifyResult verify(List<AuditAnchor> anchors) {
        ChainCheck check = new ChainCheck(anchors);
        try {
            walkLinks(link -> {
                if (check.broken == null) {
                    check.next(link);
                }
                return check.broken == null;
            });
        } catch (UnreadablePack unreadable) {
            return VerifyResult.broken(check.firings, unreadable.packId, "pack " + unreadable.packId + " cannot be read: "
                    + unreadable.getMessage() + " (it was changed or damaged)");
        }
        if (check.broken == null) {
            check.unreached();
        }
        return check.broken != null ? check.broken : VerifyResult.intact(check.firings);
    }

    /**
     * The newest firing's id and hash, read in one statement (one consistent view, whatever the
     * outcome writer appends meanwhile), and how many firings there are up to it.
     */
    @Override
    public AuditAnchor anchor(String recordedBy, Instant at) {
        List<Object[]> heads = jdbc.query("SELECT id, hash FROM (SELECT id, hash FROM rule_firing ORDER BY id DESC LIMIT 1) r"
                + " UNION ALL SELECT last_id, hash FROM (SELECT last_id, hash FROM rule_firing_pack ORDER BY id DESC LIMIT 1) p"
                + " ORDER BY 1 DESC LIMIT 1", (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)});
        long lastId = heads.isEmpty() ? 0 : (Long) heads.get(0)[0];
        String head = heads.isEmpty() ? FiringHash.GENESIS : (String) heads.get(0)[1];
        long firings = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM rule_firing WHERE id <= ?)"
                + " + (SELECT COALESCE(SUM(firings), 0) FROM rule_firing_pack WHERE last_id <= ?)", Long.class, lastId, lastId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_anchor (recorded_at, last_firing_id,"
                    + " firings, head_hash, recorded_by) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, UtcColumns.toColumn(at));
            ps.setLong(2, lastId);
            ps.setLong(3, firings);
            ps.setString(4, head);
            ps.setString(5, recordedBy);
            return ps;
        }, key);
        return new AuditAnchor(key.getKey().longValue(), at, lastId, firings, head, recordedBy);
    }

    @Override
    public List<AuditAnchor> anchors() {
        return jdbc.query("SELECT id, recorded_at, last_firing_id, firings, head_hash, recorded_by FROM audit_anchor"
                + " ORDER BY id DESC", (rs, n) -> new AuditAnchor(rs.getLong("id"), UtcColumns.instant(rs, "recorded_at"),
                rs.getLong("last_firing_id"), rs.getLong("firings"), rs.getString("head_hash"), rs.getString("recorded_by")));
    }

    @Override
    public void walk(Consumer<FiringRow> each) {
        String[] chain = {FiringHash.GENESIS};
        walkLinks(link -> {
            String hash = link.pack() == null ? link.storedHash() : link.firing().hash(chain[0]);
            each.accept(show(link.firing(), link.pack() == null ? link.storedPrevHash() : chain[0], hash));
            chain[0] = hash;
            return true;
        });
    }

    private interface LinkVisitor {
        /** @return whether to go on */
        boolean visit(Link link);
    }

    /**
     * Every firing in id order, rows and packed ones merged, read a page at a time.
     *
     * @throws UnreadablePack when a pack cannot be decoded
     */
    private void walkLinks(LinkVisitor visitor) {
        Pages<Row> rows = new Pages<>(after -> jdbc.query("SELECT " + COLUMNS + " FROM rule_firing WHERE id > ? ORDER BY id"
                + " LIMIT " + ROW_PAGE, ROW, after), row -> row.firing().id(), ROW_PAGE);
        Pages<Pack> packs = new Pages<>(after -> jdbc.query("SELECT " + PACK_COLUMNS + " FROM rule_firing_pack p WHERE p.id > ?"
                + " ORDER BY p.id LIMIT " + PACK_PAGE, PACK, after), Pack::id, PACK_PAGE);
        Pack pack = null;
        Iterator<StoredFiring> members = null;
        StoredFiring member = null;
        boolean firstMember = false;
        while (true) {
            if (member == null && packs.peek() != null) {
                pack = packs.poll();
                members = decode(pack).iterator();
                member = members.next();
                firstMember = true;
            }
            Row row = rows.peek();
            if (row == null && member == null) {
                return;
            }
            Link link;
            if (member == null || row != null && row.firing().id() < member.id()) {
                rows.poll();
                link = new Link(row.firing(), row.prevHash(), row.hash(), null);
            } else {
                StoredFiring next = members.hasNext() ? members.next() : null;
                link = new Link(member, firstMember ? pack.prevHash() : null, next == null ? pack.hash() : null, pack);
                member = next;
                firstMember = false;
            }
            if (!visitor.visit(link)) {
                return;
            }
        }
    }

    /** A table read in id order a page at a time (keyset paging): the next item, or null when none is left. */
    private static final class Pages<T> {
        private final LongFunction<List<T>> pageAfter;
        private final ToLongFunction<T> idOf;
        private final int pageSize;
        private final Deque<T> page = new ArrayDeque<>();
        private long lastId;
        private boolean more = true;

        Pages(LongFunction<List<T>> pageAfter, ToLongFunction<T> idOf, int pageSize) {
            this.pageAfter = pageAfter;
            this.idOf = idOf;
            this.pageSize = pageSize;
        }

        T peek() {
            if (page.isEmpty() && more) {
                List<T> next = pageAfter.apply(lastId);
                page.addAll(next);
                more = next.size() == pageSize;
                if (!next.isEmpty()) {
                    lastId = idOf.applyAsLong(next.get(next.size() - 1));
                }
            }
            return page.peekFirst();
        }

        T poll() {
            T next = peek();
            page.pollFirst();
            return next;
        }
    }

    private static List<StoredFiring> decode(Pack pack) {
        try {
            return FiringPack.decode(pack.body());
        } catch (IllegalArgumentException e) {
            throw new UnreadablePack(pack.id(), e);
        }
    }

    /** A pack whose body cannot be decoded: damaged or altered. */
    private static final class UnreadablePack extends IllegalArgumentException {
        final long packId;

        UnreadablePack(long packId, IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
            this.packId = packId;
        }
    }

    /** Walks the firings in id order, remembering the first that does not fit the chain or an anchor. */
    private static final class ChainCheck {
        private String expectedPrev = FiringHash.GENESIS;
        private String previous = "the genesis hash";
        private long firings;
        private VerifyResult broken;
        private final TreeMap<Long, List<AuditAnchor>> anchors = new TreeMap<>();

        ChainCheck(List<AuditAnchor> anchors) {
            anchors.stream().filter(a -> a.lastFiringId() > 0)
                    .forEach(a -> this.anchors.computeIfAbsent(a.lastFiringId(), id -> new ArrayList<>()).add(a));
        }

        /** An anchor beyond the last firing: the firings it saw are gone. */
        void unreached() {
            if (!anchors.isEmpty()) {
                AuditAnchor anchor = anchors.lastEntry().getValue().get(0);
                broken = VerifyResult.broken(firings, anchor.lastFiringId(), "the trail ends before firing "
                        + anchor.lastFiringId() + ", which anchor " + anchor.id() + " of " + anchor.recordedAt()
                        + " recorded with hash " + anchor.headHash() + " (" + anchor.firings() + " firings): the newest"
                        + " firings were removed");
            }
        }

        void next(Link link) {
            firings++;
            StoredFiring firing = link.firing();
            if (link.storedPrevHash() != null && !expectedPrev.equals(link.storedPrevHash())) {
                String what = link.pack() == null ? "row " + firing.id() : "pack " + link.pack().id();
                broken = VerifyResult.broken(firings, firing.id(), "prev_hash " + link.storedPrevHash() + " of " + what
                        + " is not " + previous + " (a firing before it was changed, removed or inserted)");
                return;
            }
            String recomputed = firing.hash(expectedPrev);
            if (link.storedHash() != null && !recomputed.equals(link.storedHash())) {
                broken = VerifyResult.broken(firings, firing.id(), link.pack() == null
                        ? "hash of row " + firing.id() + " does not match its content (stored " + link.storedHash()
                                + ", recomputed " + recomputed + ")"
                        : "hash of pack " + link.pack().id() + " (firings " + link.pack().id() + " to " + link.pack().lastId()
                                + ") does not match its firings (stored " + link.storedHash() + ", recomputed " + recomputed + ")");
                return;
            }
            for (AuditAnchor anchor : anchors.getOrDefault(firing.id(), List.of())) {
                if (!anchor.headHash().equals(recomputed)) {
                    broken = VerifyResult.broken(firings, firing.id(), "firing " + firing.id() + " hashes to " + recomputed
                            + ", but anchor " + anchor.id() + " of " + anchor.recordedAt() + " recorded " + anchor.headHash()
                            + " (the trail up to it was rewritten)");
                    return;
                }
            }
            anchors.remove(firing.id());
            if (!anchors.headMap(firing.id()).isEmpty()) {
                AuditAnchor skipped = anchors.firstEntry().getValue().get(0);
                broken = VerifyResult.broken(firings, skipped.lastFiringId(), "firing " + skipped.lastFiringId()
                        + ", which anchor " + skipped.id() + " of " + skipped.recordedAt() + " recorded, is missing"
                        + " (the trail up to it was rewritten)");
                return;
            }
            expectedPrev = recomputed;
            previous = "the hash of firing " + firing.id();
        }
    }

    private static FiringRow show(StoredFiring firing, String prevHash, String hash) {
        return new FiringRow(firing.id(), Instant.ofEpochMilli(firing.firedAt()), firing.rule(), firing.rulePackage(),
                firing.ruleSetVersion(), JsonColumns.facts(firing.facts()), eventIds(firing.eventIds()), firing.outcome(),
                prevHash, hash);
    }

    private static List<Long> eventIds(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
