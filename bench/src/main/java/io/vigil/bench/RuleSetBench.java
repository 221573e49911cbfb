package io.vigil.bench;

import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;
import io.vigil.session.backtest.Backtest;
import io.vigil.session.backtest.BacktestResult;
import io.vigil.testing.engine.RuleSetVariants;
import io.vigil.testing.service.GeneratedTree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The figures issue 8 asks for, on the shipped rules:
 * <ol>
 *   <li>compile time of the shipped rule set (what validation and every new version cost): the
 *       first compile in the JVM, then the median of five more;</li>
 *   <li>hot-swap pause: the time the engine thread spends switching its session to another version
 *       (and back), with issue 3's generated tree (100k elements, 10k services) loaded and every
 *       module's status known;</li>
 *   <li>backtest rate: {@code events} synthetic events (the engine benchmark's feed: 10,000 hosts × 8
 *       checks, statuses drifting) through the shipped version and a candidate side by side.</li>
 * </ol>
 * {@code java -cp bench/target/vigil-bench.jar io.vigil.bench.RuleSetBench [events]} (default 1,000,000).
 */
public final class RuleSetBench {

    private static final long START = 1_800_000_000_000L;

    private RuleSetBench() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        RuleSet shipped = compileTimes();
        RuleSet candidate = RuleSetVariants.disksAreStorage(shipped);
        swapPause(shipped, candidate);
        runawayDetection(shipped);
        backtestRate(shipped, candidate, events);
    }

    /** How long a rule that modifies its own event for ever runs before the firing limit stops its batch. */
    private static void runawayDetection(RuleSet shipped) {
        RuleSet looping = RuleSetVariants.withLoop(shipped);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (EngineSession session = EngineSession.create(looping, SessionSetup.fresh(Duration.ofMinutes(15)), START)) {
                session.insert(List.of(new Event(1, START, START, "bench", "bench", "db01", "disk", Status.WARNING, null,
                        "bench", Map.of())));
                long t = System.nanoTime();
                try {
                    session.fire();
                    throw new IllegalStateException("the loop came to rest");
                } catch (io.vigil.session.RunawayRulesException expected) {
                    millis.add((System.nanoTime() - t) / 1_000_000);
                }
            }
        }
        System.out.println("runaway: one event, a rule modifying it for ever, stopped at the firing limit after ms: "
                + millis);
    }

    private static RuleSet compileTimes() {
        long t0 = System.nanoTime();
        RuleSet shipped = RuleSet.fromClasspath();
        long first = (System.nanoTime() - t0) / 1_000_000;
        long[] again = new long[5];
        for (int i = 0; i < again.length; i++) {
            long t = System.nanoTime();
            RuleSet.of(shipped.sources());
            again[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(again);
        System.out.printf("compile of the shipped rule set (%d files): first %,d ms, then median %,d ms (min %,d, max %,d)%n",
                shipped.sources().size(), first, again[2], again[0], again[4]);
        return shipped;
    }

    private static void swapPause(RuleSet shipped, RuleSet candidate) {
        GeneratedTree tree = GeneratedTree.defaultSize(42);
        try (EngineSession session = EngineSession.create(shipped, SessionSetup.fresh(Duration.ofMinutes(15)), START)) {
            ServiceTreeDefinition definition = tree.definition();
            CommandResult replaced = session.execute(new EngineCommand.ReplaceServiceTree(definition,
                    ServiceTreeExporter.toYaml(definition), "bench"));
            if (!replaced.ok()) {
                throw new IllegalStateException("tree refused: " + replaced.error());
            }
            session.fire();
            session.drain();
            long id = 0;
            List<Event> batch = new ArrayList<>();
            for (int resource = 0; resource < tree.resources(); resource++) {
                for (int check = 0; check < GeneratedTree.CHECKS_PER_RESOURCE; check++) {
                    batch.add(new Event(++id, START, START, "bench", "bench", "host" + resource, "check" + check,
                            Status.NORMAL, null, "bench", Map.of()));
                    if (batch.size() == 1_000) {
                        session.insert(batch);
                        session.fire();
                        session.drain();
                        batch = new ArrayList<>();
                    }
                }
            }
            session.insert(batch);
            session.fire();
            session.drain();
            System.out.printf("session loaded: %,d services, %,d module statuses%n", definition.services().size(), id);
            List<Long> pauses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RuleSet next = i % 2 == 0 ? candidate : shipped;
                long t = System.nanoTime();
                session.switchTo(next);
                pauses.add((System.nanoTime() - t) / 1_000_000);
                session.drain();
            }
            System.out.println("hot-swap pauses, ms (to the candidate, back, and so on): " + pauses);
        }
    }

    private static void backtestRate(RuleSet shipped, RuleSet candidate, long events) {
        AlertFeed feed = new AlertFeed();
        long clock = START;
        long t0 = System.nanoTime();
        try (Backtest backtest = new Backtest(shipped, candidate, ServiceTreeDefinition.EMPTY, clock, Duration.ofMinutes(15))) {
            while (backtest.events() < events) {
                clock += 1_000;
                backtest.run(feed.next(clock));
            }
            long millis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
            BacktestResult result = backtest.result();
            System.out.printf("backtest: %,d events through both versions in %,d ms: %,d events/s; %,d classified"
                            + " differently (%d category pairs), %d alert keys and %d incident subjects differ%n",
                    backtest.events(), millis, backtest.events() * 1000 / millis, result.classifiedDifferently(),
                    result.classifications().size(), result.alerts().size(), result.incidents().size());
        }
    }
}
