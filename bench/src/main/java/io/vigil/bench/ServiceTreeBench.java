package io.vigil.bench;

import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;
import io.vigil.testing.service.GeneratedTree;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The service-tree benchmark of issue 3: the generated tree (100k elements, 10k services, depth
 * 6) loaded into a real {@link EngineSession} on the real rules and processes, then a stream of
 * single leaf changes, each one event inserted and fired on its own, timed until the fire
 * returns, by when the change has gone up the tree and the root's status is up to date.
 *
 * <p>{@code java -cp bench/target-…/vigil-bench.jar io.vigil.bench.ServiceTreeBench [changes] [warmup]}
 * (defaults 20,000 and 5,000). Prints load times, heap used after GC, and p50/p99/max latency
 * (nanosecond timer, printed in ms).
 */
public final class ServiceTreeBench {

    private static final long START = 1_800_000_000_000L;
    private static final int LOAD_BATCH = 1_000;
    private static final Status[] CHANGES = {Status.NORMAL, Status.WARNING, Status.CRITICAL};

    private final EngineSession session;
    private final GeneratedTree tree;
    private final Status[][] current;
    private final Random random = new Random(7);
    private long clock = START;
    private long nextId;

    private ServiceTreeBench(EngineSession session, GeneratedTree tree) {
        this.session = session;
        this.tree = tree;
        this.current = new Status[tree.resources()][GeneratedTree.CHECKS_PER_RESOURCE];
    }

    public static void main(String[] args) {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        RuleSet ruleSet = RuleSet.fromClasspath();
        GeneratedTree generated = GeneratedTree.defaultSize(42);
        try (EngineSession session = EngineSession.create(ruleSet, SessionSetup.fresh(Duration.ofMinutes(15)), START)) {
            new ServiceTreeBench(session, generated).run(changes, warmup);
        }
    }

    private void run(int changes, int warmup) {
        ServiceTreeDefinition definition = tree.definition();
        long t0 = System.nanoTime();
        String document = ServiceTreeExporter.toYaml(definition);
        long exportMillis = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        CommandResult replaced = session.execute(new EngineCommand.ReplaceServiceTree(definition, document, "bench"));
        session.fire();
        session.drain();
        long treeMillis = (System.nanoTime() - t0) / 1_000_000;
        if (!replaced.ok()) {
            throw new IllegalStateException("tree refused: " + replaced.error());
        }

        t0 = System.nanoTime();
        List<Event> batch = new ArrayList<>(LOAD_BATCH);
        for (int resource = 0; resource < tree.resources(); resource++) {
            for (int check = 0; check < GeneratedTree.CHECKS_PER_RESOURCE; check++) {
                current[resource][check] = Status.NORMAL;
                batch.add(event(resource, check, Status.NORMAL));
                if (batch.size() == LOAD_BATCH) {
                    insertAndFire(batch);
                    batch = new ArrayList<>(LOAD_BATCH);
                }
            }
        }
        insertAndFire(batch);
        long statusMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("tree: %,d services, %,d elements; YAML export %,d ms; replace command %,d ms;"
                        + " initial statuses (%,d modules) %,d ms%n",
                definition.services().size(), GeneratedTree.DEFAULT_ELEMENTS, exportMillis, treeMillis,
                tree.resources() * GeneratedTree.CHECKS_PER_RESOURCE, statusMillis);
        System.out.printf("heap used after GC: %,d MB%n", heapAfterGc() / (1024 * 1024));
        // Every batch with a process step (an incident opening) carries a snapshot, so its cost matters.
        t0 = System.nanoTime();
        int snapshotBytes = session.snapshot(nextId).bytes().length;
        System.out.printf("session snapshot: %,d KB in %,d ms%n", snapshotBytes / 1024, (System.nanoTime() - t0) / 1_000_000);

        stream(warmup, null);
        long[] latencies = new long[changes];
        long streamStart = System.nanoTime();
        stream(changes, latencies);
        long streamMillis = Math.max(1, (System.nanoTime() - streamStart) / 1_000_000);
        ServiceTree live = session.services().tree();
        System.out.printf("%,d leaf changes (after %,d warm-up), %,d changes/s; root %s is %s (value %s)%n", changes,
                warmup, changes * 1000L / streamMillis, GeneratedTree.ROOT,
                live.status(GeneratedTree.ROOT), live.value(GeneratedTree.ROOT).toPlainString());
        Arrays.sort(latencies);
        System.out.printf("leaf change -> root status latency ms: p50 %.3f  p99 %.3f  max %.3f%n",
                latencies[changes / 2] / 1e6, latencies[Math.min(changes - 1, (int) (changes * 0.99))] / 1e6,
                latencies[changes - 1] / 1e6);
    }

    /** One event per change, inserted and fired on its own; the fire returns once the tree is up to date. */
    private void stream(int changes, long[] latencies) {
        for (int i = 0; i < changes; i++) {
            int resource = random.nextInt(tree.resources());
            int check = random.nextInt(GeneratedTree.CHECKS_PER_RESOURCE);
            // one of the two other statuses, so every event is a change
            Status next = CHANGES[(List.of(CHANGES).indexOf(current[resource][check]) + 1 + random.nextInt(2))
                    % CHANGES.length];
            current[resource][check] = next;
            clock += 1;
            session.advanceTo(clock);
            List<Event> one = List.of(event(resource, check, next));
            long begin = System.nanoTime();
            session.insert(one);
            session.fire();
            long took = System.nanoTime() - begin;
            session.drain();
            if (latencies != null) {
                latencies[i] = took;
            }
        }
    }

    private void insertAndFire(List<Event> events) {
        clock += 1;
        session.advanceTo(clock);
        session.insert(events);
        session.fire();
        session.drain();
    }

    private Event event(int resource, int check, Status status) {
        return new Event(++nextId, clock, clock, "bench", "bench", "host" + resource, "check" + check, status, null,
                "bench", Map.of());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
