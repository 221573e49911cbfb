package io.vigil.audit.jdbc;

import io.vigil.audit.FactRef;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigil.testing.OutcomeFixtures.RULESET;
import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.firing;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAuditTrailIT {

    private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private JdbcAuditTrail trail;

    @BeforeEach
    void storeFiveFiringsFromTwoWriterRuns() throws Exception {
        db = TestDatabase.create("audit");
        jdbc = new JdbcTemplate(db.dataSource());
        trail = new JdbcAuditTrail(db.dataSource());
        // Two writers one after the other: the second must chain on from the head the first left.
        store(db.dataSource(), batch(2, 3, List.of(), List.of(firing(1, T0, "Classify ssh", 1L),
                firing(2, T0 + 10, "Derive status", 1L), firing(3, T0 + 20, "Classify ssh", 2L)), null));
        store(db.dataSource(), batch(3, 5, List.of(), List.of(firing(4, T0 + 30, "Open incident", 2L, 3L),
                firing(5, T0 + 40, "Classify ssh", 3L)), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldVerifyAnUntouchedChain() {
        assertThat(trail.verify()).isEqualTo(VerifyResult.intact(5));
        assertThat(jdbc.queryForObject("SELECT prev_hash FROM rule_firing WHERE id = 1", String.class)).isEqualTo(FiringHash.GENESIS);
    }

    @Test
    void shouldReportExactlyTheRowWhoseContentWasChanged() {
        jdbc.update("UPDATE rule_firing SET outcome = 'nothing happened' WHERE id = 3");

        VerifyResult result = trail.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.brokenId()).isEqualTo(3L);
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.reason()).startsWith("hash of row 3 does not match its content (stored ");
    }

    @Test
    void shouldReportTheNextRowWhenAChangedRowWasRehashed() {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM rule_firing WHERE id = 3");
        String forged = FiringHash.hash((String) row.get("prev_hash"), FiringHash.canonical(3, T0 + 20, "Classify ssh",
                "rules.classify", RULESET, (String) row.get("facts"), "2", "nothing happened"));
        jdbc.update("UPDATE rule_firing SET outcome = 'nothing happened', hash = ? WHERE id = 3", forged);

        assertThat(trail.verify()).isEqualTo(VerifyResult.broken(4, 4, "prev_hash " + jdbc.queryForObject(
                "SELECT prev_hash FROM rule_firing WHERE id = 4", String.class)
                + " of row 4 is not the hash of firing 3 (a firing before it was changed, removed or inserted)"));
    }

    @Test
    void shouldReportTheRowAfterADeletedOne() {
        jdbc.update("DELETE FROM rule_firing WHERE id = 2");

        VerifyResult result = trail.verify();

        assertThat(result.brokenId()).isEqualTo(3L);
        assertThat(result.reason()).contains("of row 3 is not the hash of firing 1");
    }

    @Test
    void shouldQueryNewestFirstByRuleAndTime() {
        assertThat(trail.query(null, null, 10)).extracting(FiringRow::id).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(trail.query("Classify ssh", null, 10)).extracting(FiringRow::id).containsExactly(5L, 3L, 1L);
        assertThat(trail.query("Classify ssh", Instant.ofEpochMilli(T0 + 20), 10)).extracting(FiringRow::id).containsExactly(5L, 3L);
        assertThat(trail.query(null, null, 2)).extracting(FiringRow::id).containsExactly(5L, 4L);
        assertThatThrownBy(() -> trail.query(null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit 0 is out of range 1..10000");
    }

    @Test
    void shouldReadOneFiringWithItsFactsAndEvents() {
        FiringRow row = trail.byId(4).orElseThrow();

        assertThat(row.rule()).isEqualTo("Open incident");
        assertThat(row.firedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 30));
        assertThat(row.ruleSetVersion()).isEqualTo(RULESET);
        assertThat(row.eventIds()).containsExactly(2L, 3L);
        assertThat(row.facts()).extracting(FactRef::id).containsExactly("event:2", "event:3");
        assertThat(row.outcome()).isEqualTo("classified event as security\nset status CRITICAL");
        assertThat(row.prevHash()).isEqualTo(trail.byId(3).orElseThrow().hash());
        assertThat(trail.byId(99)).isEmpty();
    }
}
