package io.vigil.web.rule;

import io.vigil.journal.JournalEntry;
import io.vigil.journal.JournalStore;
import io.vigil.model.Event;
import io.vigil.ruleset.RuleSetActivationRow;
import io.vigil.ruleset.RuleSetLibrary;
import io.vigil.ruleset.RuleSetVersion;
import io.vigil.session.EngineCommand;
import io.vigil.session.RuleSet;
import io.vigil.session.RuleSetActivation;
import io.vigil.session.RuleSetCompileException;
import io.vigil.session.replay.RuleTestResult;
import io.vigil.session.replay.RuleTests;
import io.vigil.session.replay.SampleRun;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.VigilProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * What analysts and admins do with rule sets: check a proposed set (its files on top of a base
 * version) with the engine's own compiler and globals, store it as a new version, and make a
 * stored version the active one — a deploy or a rollback, which the engine carries out between two
 * batches and stores with the batch that switched.
 */
@Component
class RuleSetAuthoring {

    /** A proposed set that compiled: the rule set and what the compiler warned about. */
    record Checked(RuleSet ruleSet, String base, List<RuleSetProblem> warnings) {
    }

    /** A proposed set that does not compile or is not a usable rule set; nothing was stored. */
    static final class Refused extends RuntimeException {
        private final transient List<RuleSetProblem> errors;

        Refused(List<RuleSetProblem> errors) {
            super(errors.size() + " error(s), first: " + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        List<RuleSetProblem> errors() {
            return errors;
        }
    }

    /** A version's rule tests and what became of each. */
    record TestReport(String version, int tests, long passed, long failed, List<RuleTestResult> results) {
        static TestReport of(String version, List<RuleTestResult> results) {
            long passed = results.stream().filter(RuleTestResult::passed).count();
            return new TestReport(version, results.size(), passed, results.size() - passed, results);
        }
    }

    /** A deploy refused because rule tests of the version fail. */
    static final class TestsFailed extends RuntimeException {
        private final transient TestReport report;

        TestsFailed(TestReport report) {
            super("rule set " + report.version() + " fails " + report.failed() + " of its " + report.tests()
                    + " rule tests, so it is not deployed: " + report.results().stream().filter(r -> !r.passed())
                    .map(r -> r.file() + ": " + r.differences().get(0)).findFirst().orElse(""));
            this.report = report;
        }

        TestReport report() {
            return report;
        }
    }

    /** What a deploy or rollback answers once the new version is active and stored. */
    record Activated(String version, String previous, String activation, long afterEventId) {
    }

    private static final int CACHED = 4;
    /** How many of the most recent journaled events a version is tried on before a deploy. */
    static final int SAMPLE = 1_000;

    private final RuleSetLibrary library;
    private final EngineCommands commands;
    private final JournalStore journal;
    private final Duration fireBudget;
    // A deploy right after a create must not compile the same files twice; a few versions suffice.
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > CACHED;
        }
    };

    RuleSetAuthoring(RuleSetLibrary library, EngineCommands commands, JournalStore journal, VigilProperties properties) {
        this.library = library;
        this.commands = commands;
        this.journal = journal;
        this.fireBudget = properties.engine().fireBudget();
    }

    /** @throws Refused with every error found (paths, base, compile errors with line and column) */
    Checked check(RuleSetDraft draft) {
        String base = draft.base() != null ? draft.base()
                : library.active().map(RuleSetVersion::version).orElseThrow(() -> new Refused(List.of(RuleSetProblem.ofSet(
                null, "no rule set is active yet, so \"base\" must name the version the files change"))));
        SortedMap<String, String> files = library.sources(base).orElseThrow(() -> new Refused(List.of(
                RuleSetProblem.ofSet(null, "base version \"" + base + "\" is not stored"))));
        applyChanges(files, draft.changes());
        RuleSet ruleSet = compile(files);
        return new Checked(ruleSet, base, ruleSet.warnings().stream().map(RuleSetProblem::of).toList());
    }

    /** Checks and stores a proposed set as a draft version (or finds the same files already stored). */
    RuleSetVersion create(RuleSetDraft draft, String author) {
        if (draft.message() == null || draft.message().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "\"message\" is required: say what this version changes and why");
        }
        Checked checked = check(draft);
        return library.store(checked.ruleSet(), checked.base(), author, draft.message().strip(), RuleSetVersion.AUTHORED);
    }

    /** Stores a complete set of files (an imported export) as a draft version on top of the active one. */
    RuleSetVersion importFiles(Map<String, String> files, String message, String author) {
        SortedMap<String, String> imported = new TreeMap<>();
        applyChanges(imported, files);
        return library.store(compile(imported), library.active().map(RuleSetVersion::version).orElse(null), author,
                message, RuleSetVersion.AUTHORED);
    }

    /**
     * Applies changes (path to new source, or to null for a removal) to {@code files}.
     *
     * @throws Refused naming every path that cannot be a rule set file or removed, or when no DRL file is left
     */
    private static void applyChanges(SortedMap<String, String> files, Map<String, String> changes) {
        List<RuleSetProblem> errors = new ArrayList<>();
        changes.forEach((given, source) -> {
            String path = RuleSetPaths.normalized(given);
            String unsupported = RuleSetPaths.problem(path);
            if (unsupported != null) {
                errors.add(RuleSetProblem.ofSet(given, unsupported));
            } else if (source == null && !files.containsKey(path)) {
                errors.add(RuleSetProblem.ofSet(given, "cannot remove \"" + path + "\": the base version has no such file"));
            } else if (source == null) {
                files.remove(path);
            } else {
                files.put(path, source);
            }
        });
        if (errors.isEmpty() && files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            errors.add(RuleSetProblem.ofSet(null, "the rule set would have no .drl file"));
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
    }

    /** Runs a stored version's rule tests. */
    TestReport test(String version) {
        return TestReport.of(version, RuleTests.run(compiled(version)));
    }

    /**
     * Makes a stored version the active one once its rule tests pass and it comes to rest on each of
     * the {@link #SAMPLE} most recent journaled events (the engine's runaway limits); completes once
     * the engine runs it and the switch is stored.
     *
     * @throws TestsFailed when one of its rule tests fails (nothing changes)
     */
    CompletableFuture<Activated> deploy(String version, String actor) {
        TestReport report = test(version);
        if (report.failed() > 0) {
            throw new TestsFailed(report);
        }
        long last = journal.lastId();
        List<Event> recent = journal.read(Math.max(0, last - SAMPLE), last, SAMPLE).stream().map(JournalEntry::toEvent)
                .toList();
        SampleRun.runaway(compiled(version), recent, fireBudget).ifPresent(runaway -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "rule set " + version + " ran away on the "
                    + recent.size() + " most recent events, so it is not deployed: " + runaway.getMessage());
        });
        return activate(version, RuleSetActivation.DEPLOY, actor);
    }

    /**
     * Re-activates the version that was active before the current one was deployed (an automatic
     * rollback is not a deploy: rolling back after one does not bring back the version that ran away).
     */
    CompletableFuture<Activated> rollback(String actor) {
        String current = library.active().map(RuleSetVersion::version).orElseThrow();
        String previous = library.versionBefore(current).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "there is nothing to roll back to: no version was active before " + current));
        return activate(previous, RuleSetActivation.ROLLBACK, actor);
    }

    private CompletableFuture<Activated> activate(String version, RuleSetActivation kind, String actor) {
        return commands.execute(new EngineCommand.ActivateRuleSet(compiled(version), kind, actor), "the active rule set")
                .thenApply(done -> {
                    RuleSetActivationRow row = library.activations().get(0);
                    return new Activated(row.version(), row.previous(), row.kind(), row.afterEventId());
                });
    }

    /** A stored version, compiled; 404 when it is not stored, 409 when it no longer compiles with this server. */
    RuleSet compiled(String version) {
        SortedMap<String, String> files = library.sources(version).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "rule set version \"" + version + "\" is not stored (GET /api/v1/rulesets lists them)"));
        try {
            return compile(files);
        } catch (Refused e) {
            RuleSetProblem first = e.errors().get(0);
            throw new ResponseStatusException(HttpStatus.CONFLICT, "rule set " + version + " does not compile with this"
                    + " server: " + first.file() + (first.line() == null ? "" : ":" + first.line() + ":" + first.column())
                    + ": " + first.message());
        }
    }

    private RuleSet compile(Map<String, String> files) {
        String version = RuleSet.versionOf(files);
        synchronized (compiled) {
            RuleSet known = compiled.get(version);
            if (known != null) {
                return known;
            }
        }
        try {
            RuleSet ruleSet = RuleSet.of(files);
            synchronized (compiled) {
                compiled.put(version, ruleSet);
            }
            return ruleSet;
        } catch (RuleSetCompileException e) {
            throw new Refused(e.problems().stream().map(RuleSetProblem::of).toList());
        }
    }
}
