package io.vigil.audit.jdbc;

import io.vigil.audit.AuditAnchor;
import io.vigil.audit.FiringFilter;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.firing;
import static io.vigil.testing.OutcomeFixtures.routineFiring;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routine firings go into packs, the others into rows, and the audit trail reads both as one chain:
 * the same hashes as if every firing had its own row, tampering found wherever it is, and a
 * writer that starts again (a restart) chaining on from a packed head as from a row.
 */
class PackedFiringsIT {

    private static final long T0 = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private JdbcAuditTrail trail;

    @BeforeEach
    void storeEightFiringsFromThreeWriterRuns() throws Exception {
        db = TestDatabase.create("packs");
        jdbc = new JdbcTemplate(db.dataSource());
        trail = new JdbcAuditTrail(db.dataSource());
        // Run 1 ends on a packed firing, run 2 on a row: each next run must chain on from that head.
        store(db.dataSource(), batch(2, 5, List.of(), List.of(routineFiring(1, T0, "Category", 1),
                routineFiring(2, T0, "Report", 1), firing(3, T0 + 10, "Open incident", 1L),
                routineFiring(4, T0 + 20, "Category", 2), routineFiring(5, T0 + 20, "Report", 2)), null));
        store(db.dataSource(), batch(3, 7, List.of(), List.of(routineFiring(6, T0 + 30, "Category", 3),
                firing(7, T0 + 30, "Count problem", 3L)), null));
        store(db.dataSource(), batch(4, 8, List.of(), List.of(routineFiring(8, T0 + 40, "Report", 4)), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldPackRoutineFiringsAndKeepTheOthersInRows() {
        assertThat(jdbc.queryForList("SELECT id FROM rule_firing ORDER BY id", Long.class)).containsExactly(3L, 7L);
        assertThat(jdbc.queryForList("SELECT CONCAT(id, '..', last_id, ' x', firings, ' events ', first_event_id, '..',"
                + " last_event_id) FROM rule_firing_pack ORDER BY id", String.class))
                .containsExactly("1..5 x4 events 1..2", "6..6 x1 events 3..3", "8..8 x1 events 4..4");
        assertThat(jdbc.queryForList("SELECT CONCAT(pack_id, ' ', rule_name, ' x', firings) FROM rule_firing_pack_rule"
                + " ORDER BY pack_id, rule_name", String.class))
                .containsExactly("1 Category x2", "1 Report x2", "6 Category x1", "8 Report x1");
        assertThat(FiringLedger.lastFiringId(jdbc)).isEqualTo(8);
    }

    @Test
    void shouldChainEveryFiringExactlyAsIfEachHadItsOwnRow() {
        List<FiringRow> walked = new ArrayList<>();
        trail.walk(walked::add);

        assertThat(walked).extracting(FiringRow::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        String chain = FiringHash.GENESIS;
        for (FiringRow firing : walked) {
            assertThat(firing.prevHash()).as("prev_hash of %d", firing.id()).isEqualTo(chain);
            chain = FiringHash.hash(chain, FiringHash.canonical(firing.id(), firing.firedAt().toEpochMilli(), firing.rule(),
                    firing.rulePackage(), firing.ruleSetVersion(), jdbcFacts(firing), eventIds(firing), firing.outcome()));
            assertThat(firing.hash()).as("hash of %d", firing.id()).isEqualTo(chain);
        }
        assertThat(trail.verify()).isEqualTo(VerifyResult.intact(8));
        assertThat(jdbc.queryForObject("SELECT prev_hash FROM rule_firing WHERE id = 3", String.class))
                .isEqualTo(walked.get(1).hash());
    }

    @Test
    void shouldShowAPackedFiringLikeARow() {
        FiringRow packed = trail.byId(4).orElseThrow();

        assertThat(packed.rule()).isEqualTo("Category");
        assertThat(packed.firedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 20));
        assertThat(packed.eventIds()).containsExactly(2L);
        assertThat(packed.facts()).singleElement().satisfies(fact -> assertThat(fact.id()).isEqualTo("event:2"));
        assertThat(packed.outcome()).isEqualTo("updated event:2 web01/sshd NORMAL from syslog: session opened");
        assertThat(packed.prevHash()).isEqualTo(trail.byId(3).orElseThrow().hash());
        assertThat(packed.hash()).isEqualTo(trail.byId(5).orElseThrow().prevHash());
        assertThat(trail.byId(9)).isEmpty();
    }

    @Test
    void shouldQueryRowsAndPackedFiringsTogetherNewestFirst() {
        assertThat(trail.query(null, null, 10)).extracting(FiringRow::id).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(trail.query(null, null, 3)).extracting(FiringRow::id).containsExactly(8L, 7L, 6L);
        assertThat(trail.query("Report", null, 10)).extracting(FiringRow::id).containsExactly(8L, 5L, 2L);
        assertThat(trail.query("Report", null, 2)).extracting(FiringRow::id).containsExactly(8L, 5L);
        assertThat(trail.query("Open incident", null, 10)).extracting(FiringRow::id).containsExactly(3L);
        assertThat(trail.query(null, Instant.ofEpochMilli(T0 + 20), 10)).extracting(FiringRow::id)
                .containsExactly(8L, 7L, 6L, 5L, 4L);
    }

    /** The auditor's search: version, time range, an event's firings, and the next page, rows and packs alike. */
    @Test
    void shouldSearchByVersionTimeEventAndPage() {
        String version = trail.byId(1).orElseThrow().ruleSetVersion();
        Instant at20 = Instant.ofEpochMilli(T0 + 20);
        Instant at30 = Instant.ofEpochMilli(T0 + 30);

        assertThat(trail.query(new FiringFilter(null, version, null, null, null, null), 10)).hasSize(8);
        assertThat(trail.query(new FiringFilter(null, "f".repeat(64), null, null, null, null), 10)).isEmpty();
        assertThat(trail.query(new FiringFilter(null, null, at20, at30, null, null), 10)).extracting(FiringRow::id)
                .containsExactly(7L, 6L, 5L, 4L);
        assertThat(trail.query(new FiringFilter(null, null, null, null, 3L, null), 10)).extracting(FiringRow::id)
                .as("every firing event 3 took part in").containsExactly(7L, 6L);
        assertThat(trail.query(new FiringFilter(null, null, null, null, 1L, null), 10)).extracting(FiringRow::id)
                .containsExactly(3L, 2L, 1L);
        assertThat(trail.query(FiringFilter.ANY.withBefore(6), 3)).extracting(FiringRow::id).containsExactly(5L, 4L, 3L);
        assertThat(trail.query(new FiringFilter("Report", null, null, null, null, 8L), 10)).extracting(FiringRow::id)
                .containsExactly(5L, 2L);
    }

    /** A shorter chain is still a chain: only an anchor kept from before shows that its newest firings went. */
    @Test
    void shouldSeeTheNewestFiringsCutOffThroughAnAnchor() {
        AuditAnchor anchor = trail.anchor("auditor", Instant.ofEpochMilli(T0 + 50));
        assertThat(anchor.lastFiringId()).isEqualTo(8);
        assertThat(anchor.firings()).isEqualTo(8);
        assertThat(anchor.headHash()).isEqualTo(trail.byId(8).orElseThrow().hash());
        assertThat(trail.verify()).isEqualTo(VerifyResult.intact(8));

        jdbc.update("DELETE FROM rule_firing_pack WHERE id = 8");
        jdbc.update("DELETE FROM rule_firing_pack_rule WHERE pack_id = 8");

        assertThat(trail.verify(List.of())).as("the chain alone").isEqualTo(VerifyResult.intact(7));
        VerifyResult cut = trail.verify(trail.anchors());
        assertThat(cut.ok()).isFalse();
        assertThat(cut.brokenId()).isEqualTo(8L);
        assertThat(cut.reason()).isEqualTo("the trail ends before firing 8, which anchor " + anchor.id() + " of "
                + anchor.recordedAt() + " recorded with hash " + anchor.headHash() + " (8 firings): the newest firings were"
                + " removed");
    }

    @Test
    void shouldSeeAChainRewrittenUpToAnAnchor() {
        AuditAnchor kept = new AuditAnchor(1, Instant.ofEpochMilli(T0), 7, 7, "0".repeat(63) + "1", "auditor");

        VerifyResult rewritten = trail.verify(List.of(kept));

        assertThat(rewritten.brokenId()).isEqualTo(7L);
        assertThat(rewritten.reason()).startsWith("firing 7 hashes to ").endsWith(", but anchor 1 of " + kept.recordedAt()
                + " recorded " + kept.headHash() + " (the trail up to it was rewritten)");
    }

    @Test
    void shouldFindAChangedPackedFiringAtTheNextRow() {
        rewritePack(1, 2, "updated event:1 web01/sshd CRITICAL from syslog: session opened");

        VerifyResult result = trail.verify();

        assertThat(result.brokenId()).isEqualTo(3L);
        assertThat(result.reason()).startsWith("prev_hash ").contains(" of row 3 is not the hash of firing 2 ");
    }

    @Test
    void shouldFindAChangedPackedFiringAtTheEndOfItsPack() {
        rewritePack(1, 4, "nothing happened");

        VerifyResult result = trail.verify();

        assertThat(result.brokenId()).isEqualTo(5L);
        assertThat(result.rows()).isEqualTo(5);
        assertThat(result.reason()).startsWith("hash of pack 1 (firings 1 to 5) does not match its firings (stored ");
    }

    @Test
    void shouldFindARemovedPack() {
        jdbc.update("DELETE FROM rule_firing_pack WHERE id = 6");

        VerifyResult result = trail.verify();

        assertThat(result.brokenId()).isEqualTo(7L);
        assertThat(result.reason()).contains(" of row 7 is not the hash of firing 5 ");
    }

    @Test
    void shouldReportAPackThatCannotBeRead() {
        jdbc.update("UPDATE rule_firing_pack SET body = 'not a pack at all' WHERE id = 6");

        assertThat(trail.verify()).isEqualTo(VerifyResult.broken(5, 6,
                "pack 6 cannot be read: not a firing pack of format 1 (it was changed or damaged)"));
    }

    @Test
    void shouldReportAPackEmptiedOfItsFirings() {
        jdbc.update("UPDATE rule_firing_pack SET body = ? WHERE id = 6", (Object) FiringPack.encode(List.of()));

        assertThat(trail.verify()).isEqualTo(VerifyResult.broken(5, 6,
                "pack 6 cannot be read: firing pack holds no firings (it was changed or damaged)"));
    }

    /** Re-encodes pack {@code packId} with the outcome of firing {@code firingId} replaced, as a forger would. */
    private void rewritePack(long packId, long firingId, String outcome) {
        byte[] body = jdbc.queryForObject("SELECT body FROM rule_firing_pack WHERE id = ?", byte[].class, packId);
        List<StoredFiring> firings = new ArrayList<>(FiringPack.decode(body));
        firings.replaceAll(f -> f.id() != firingId ? f : new StoredFiring(f.id(), f.firedAt(), f.rule(), f.rulePackage(),
                f.ruleSetVersion(), f.facts(), f.eventIds(), outcome));
        jdbc.update("UPDATE rule_firing_pack SET body = ? WHERE id = ?", FiringPack.encode(firings), packId);
    }

    private static String jdbcFacts(FiringRow firing) {
        return JsonColumns.facts(firing.facts());
    }

    private static String eventIds(FiringRow firing) {
        return firing.eventIds().isEmpty() ? null
                : String.join(",", firing.eventIds().stream().map(String::valueOf).toList());
    }
}
