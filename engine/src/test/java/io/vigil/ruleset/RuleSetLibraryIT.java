package io.vigil.ruleset;

import io.vigil.session.ProbeRules;
import io.vigil.session.RuleSet;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rule set the engine starts with, on MariaDB: the shipped rules imported on the first start,
 * a release shipping other rules taking over from shipped ones, an analyst's version staying, and
 * one that no longer compiles giving way.
 */
class RuleSetLibraryIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private RuleSetLibrary library;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("rulesets");
        jdbc = new JdbcTemplate(db.dataSource());
        library = new RuleSetLibrary(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private static RuleSet variant(String category) {
        Map<String, String> sources = new TreeMap<>(ProbeRules.RULES.sources());
        sources.replaceAll((path, text) -> text.replace("setCategory( \"probe\" )", "setCategory( \"" + category + "\" )"));
        return RuleSet.of(sources);
    }

    @Test
    void shouldImportTheShippedRulesAsTheFirstActiveVersionOnce() {
        RuleSet shipped = ProbeRules.RULES;

        assertThat(library.activeForStart(shipped, 0).version()).isEqualTo(shipped.version());
        assertThat(library.activeForStart(shipped, 5).version()).as("a second start").isEqualTo(shipped.version());

        assertThat(library.versions()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(RuleSetVersion.State.ACTIVE);
            assertThat(v.origin()).isEqualTo(RuleSetVersion.SHIPPED);
            assertThat(v.author()).isEqualTo("vigil");
            assertThat(v.createdAt()).isEqualTo(NOW);
        });
        assertThat(library.activations()).extracting(RuleSetActivationRow::kind, RuleSetActivationRow::afterEventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import", 0L));
        assertThat(library.sources(shipped.version())).contains(shipped.sources());
    }

    @Test
    void shouldLetANewReleaseReplaceShippedRulesButKeepAnAnalystsVersion() {
        library.activeForStart(ProbeRules.RULES, 0);
        RuleSet release2 = variant("release-2");

        assertThat(library.activeForStart(release2, 7).version()).isEqualTo(release2.version());
        assertThat(library.activations().get(0)).satisfies(a -> {
            assertThat(a.kind()).isEqualTo("upgrade");
            assertThat(a.previous()).isEqualTo(ProbeRules.RULES.version());
            assertThat(a.afterEventId()).isEqualTo(7);
        });

        RuleSet analysts = variant("analysts");
        library.store(analysts, release2.version(), "alice", "our categories", RuleSetVersion.AUTHORED);
        jdbc.update("UPDATE rule_set_version SET state = 'retired' WHERE state = 'active'");
        jdbc.update("UPDATE rule_set_version SET state = 'active' WHERE version = ?", analysts.version());
        RuleSet release3 = variant("release-3");

        assertThat(library.activeForStart(release3, 9).version()).as("the analyst's version stays")
                .isEqualTo(analysts.version());
        assertThat(library.version(release3.version()).orElseThrow().state()).isEqualTo(RuleSetVersion.State.DRAFT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE state = 'active'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void shouldFallBackToTheShippedRulesWhenTheActiveVersionNoLongerCompiles() {
        library.activeForStart(ProbeRules.RULES, 0);
        jdbc.update("INSERT INTO rule_set_version (version, parent, author, message, origin, created_at, state)"
                + " VALUES (?, NULL, 'alice', 'old', 'authored', NOW(), 'retired')", "b".repeat(64));
        jdbc.update("INSERT INTO rule_set_file (version, path, source) VALUES (?, 'rules/x.drl', 'rule \"x\" when Gone() then end')",
                "b".repeat(64));
        jdbc.update("UPDATE rule_set_version SET state = 'retired' WHERE state = 'active'");
        jdbc.update("UPDATE rule_set_version SET state = 'active' WHERE version = ?", "b".repeat(64));

        assertThat(library.activeForStart(ProbeRules.RULES, 3).version()).isEqualTo(ProbeRules.RULES.version());
        assertThat(library.active().orElseThrow().version()).isEqualTo(ProbeRules.RULES.version());
    }

    @Test
    void shouldStoreTheSameFilesOnceWhoeverStoresThemAgain() {
        RuleSetVersion first = library.store(variant("a"), null, "alice", "mine", RuleSetVersion.AUTHORED);

        RuleSetVersion again = library.store(variant("a"), null, "bob", "his", RuleSetVersion.AUTHORED);

        assertThat(again).isEqualTo(first);
        assertThat(again.author()).isEqualTo("alice");
        assertThat(again.state()).isEqualTo(RuleSetVersion.State.DRAFT);
        assertThat(library.versions()).hasSize(1);
    }

    @Test
    void shouldNameTheVersionBeforeADeployButNotTheOneAnAutomaticRollbackLeft() {
        library.activeForStart(ProbeRules.RULES, 0);
        RuleSet next = variant("next");
        library.store(next, ProbeRules.RULES.version(), "alice", "next", RuleSetVersion.AUTHORED);
        io.vigil.store.jdbc.RuleSetTables.record(jdbc, new io.vigil.session.Outcome.RuleSetActivated(next.version(),
                ProbeRules.RULES.version(), io.vigil.session.RuleSetActivation.DEPLOY, "admin", 4, NOW.toEpochMilli()));

        assertThat(library.versionBefore(next.version())).contains(ProbeRules.RULES.version());
        assertThat(library.versionBefore(ProbeRules.RULES.version())).isEmpty();

        io.vigil.store.jdbc.RuleSetTables.record(jdbc, new io.vigil.session.Outcome.RuleSetActivated(
                ProbeRules.RULES.version(), next.version(), io.vigil.session.RuleSetActivation.AUTO_ROLLBACK, "vigil", 9,
                NOW.toEpochMilli()));
        assertThat(library.versionBefore(ProbeRules.RULES.version())).as("not the version that ran away").isEmpty();
        assertThat(library.active().orElseThrow().version()).isEqualTo(ProbeRules.RULES.version());
    }
}
