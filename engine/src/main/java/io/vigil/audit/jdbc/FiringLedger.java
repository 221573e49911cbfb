package io.vigil.audit.jdbc;

import io.vigil.audit.Firing;
import io.vigil.store.jdbc.Columns;
import io.vigil.store.jdbc.JdbcBatches;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Appends firings to {@code rule_firing}, each chained to the one before. The chain head (the
 * last stored hash) is loaded once; one writer per node appends. Appending happens inside the
 * caller's transaction, so the head only moves when the caller reports the commit: a rolled-back
 * and retried transaction recomputes the same hashes.
 */
public final class FiringLedger {

    private static final String INSERT = "INSERT INTO rule_firing (id, fired_at, rule_name, rule_package, ruleset_version,"
            + " facts, event_ids, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A firing with its stored text columns and hashes. */
    private record Link(Firing firing, String facts, String eventIds, String prevHash, String hash) {
    }

    private final JdbcTemplate jdbc;
    private String head;

    public FiringLedger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.head = storedHead();
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
        List<Link> links = new ArrayList<>(firings.size());
        String prev = head;
        for (Firing given : firings) {
            Firing firing = fitted(given);
            String facts = JsonColumns.facts(firing.facts());
            String eventIds = firing.eventIds().isEmpty() ? null
                    : firing.eventIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            String hash = FiringHash.hash(prev, FiringHash.canonical(firing.id(), firing.firedAt(), firing.rule(),
                    firing.rulePackage(), firing.ruleSetVersion(), facts, eventIds, firing.outcome()));
            links.add(new Link(firing, facts, eventIds, prev, hash));
            prev = hash;
        }
        JdbcBatches.insert(jdbc, INSERT, links, FiringLedger::estimatedChars, (ps, link) -> {
            Firing firing = link.firing();
            ps.setLong(1, firing.id());
            ps.setObject(2, UtcColumns.toColumn(firing.firedAt()));
            ps.setString(3, firing.rule());
            ps.setString(4, firing.rulePackage());
            ps.setString(5, firing.ruleSetVersion());
            ps.setString(6, link.facts());
            ps.setString(7, link.eventIds());
            ps.setString(8, firing.outcome());
            ps.setString(9, link.prevHash());
            ps.setString(10, link.hash());
        });
        return prev;
    }

    private static long estimatedChars(Link link) {
        Firing firing = link.firing();
        return JdbcBatches.length(link.facts()) + JdbcBatches.length(link.eventIds()) + JdbcBatches.length(firing.outcome())
                + firing.rule().length() + firing.rulePackage().length() + 3 * 64;
    }

    /** Rule and package names cut to their columns, before hashing, so the stored row hashes as written. */
    private static Firing fitted(Firing f) {
        return new Firing(f.id(), f.firedAt(), Columns.fit(f.rule(), 255), Columns.fit(f.rulePackage(), 255),
                f.ruleSetVersion(), f.facts(), f.eventIds(), f.outcome());
    }

    /** The transaction holding the last {@link #append} committed: chain further firings after it. */
    public void committed(String newHead) {
        this.head = newHead;
    }

    /** Reads the head from the table again, after a commit whose outcome was unknown turned out to have landed. */
    public void reload() {
        this.head = storedHead();
    }

    /** The hash the next firing will be chained to. */
    public String head() {
        return head;
    }

    private String storedHead() {
        List<String> last = jdbc.queryForList("SELECT hash FROM rule_firing ORDER BY id DESC LIMIT 1", String.class);
        return last.isEmpty() ? FiringHash.GENESIS : last.get(0);
    }
}
