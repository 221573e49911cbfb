package io.vigil.bench;

import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Retained heap per open alert. A real session on the real rules (auditing on, outcomes drained
 * as the engine does) with 10,000 quiet modules that stay NORMAL: its heap, then after {@code --alerts}
 * N modules more (N/8 hosts × 8 checks, realistic names) reported NORMAL once, then after each of them
 * reported a problem
 * (WARNING, or CRITICAL for {@code --critical} percent of them, which also opens an incident),
 * with a short message and {@code --attributes} 0 or 3 attributes. Each step ends with the clock
 * moved past the events' 2 s life and the rules fired, so only what outlives the events is left;
 * the heap is measured after full collections.
 *
 * <p>Prints the bytes per open alert with its module (the alert and its module's element status,
 * over the session with the quiet modules only) and for the alert alone (over the session with
 * the N modules), the classes that grew most with the alerts, and the top of the final class
 * histogram.
 *
 * <p>{@code java -Xmx6g -cp bench/target/vigil-bench.jar io.vigil.bench.AlertMemoryBench --alerts 1000000}
 */
public final class AlertMemoryBench {

    private static final int BATCH = 10_000;
    /** Modules that stay NORMAL: their reports after the alerts opened are the feed going on. */
    private static final int QUIET = 10_000;
    private static final String[] CHECKS = {"cpu", "memory", "disk:/var", "ping", "http", "ssh", "ntp", "load"};
    private static final String[] SITES = {"eu-west", "eu-central", "us-east", "ap-south"};

    private final EngineSession session;
    private final int attributes;
    private long clock = 1_800_000_000_000L;
    private long nextId;

    private AlertMemoryBench(EngineSession session, int attributes) {
        this.session = session;
        this.attributes = attributes;
    }

    public static void main(String[] args) throws Exception {
        LoadArgs options = new LoadArgs(args);
        int alerts = options.number("alerts", 1_000_000);
        int attributes = options.number("attributes", 0);
        int criticalPercent = options.number("critical", 0);
        if (attributes != 0 && attributes != 3) {
            throw new IllegalArgumentException("--attributes must be 0 or 3, got " + attributes);
        }
        try (EngineSession session = EngineSession.create(RuleSet.fromClasspath(),
                SessionSetup.fresh(Duration.ofMinutes(15)), 1_800_000_000_000L)) {
            new AlertMemoryBench(session, attributes).run(alerts, criticalPercent);
        }
    }

    private void run(int alerts, int criticalPercent) throws Exception {
        report(alerts, alerts + QUIET, module -> Status.NORMAL);
        long quiet = heapAfterGc();
        report(0, alerts, module -> Status.NORMAL);
        long modules = heapAfterGc();
        ClassHistogram withModules = ClassHistogram.take();
        long t0 = System.nanoTime();
        report(0, alerts, module -> module % 100 < criticalPercent ? Status.CRITICAL : Status.WARNING);
        long openMillis = (System.nanoTime() - t0) / 1_000_000;
        // The feed goes on: NORMAL reports of the quiet modules let the rules take in the new alerts.
        report(alerts, alerts + QUIET, module -> Status.NORMAL);
        long withAlerts = heapAfterGc();
        ClassHistogram histogram = ClassHistogram.take();

        long open = session.facts(Alert.class).stream().filter(a -> a.getState() != AlertState.CLEARED).count();
        System.out.printf("%,d open alerts (%d attributes, %d %% CRITICAL) opened in %,d ms, %,d incident processes%n",
                open, attributes, criticalPercent, openMillis, session.activeProcesses());
        System.out.printf("heap after GC: session with %,d quiet modules %,d KB; with %,d modules more %,d KB;"
                + " with their alerts %,d KB%n", QUIET, quiet / 1024, alerts, modules / 1024, withAlerts / 1024);
        System.out.printf("per open alert: %,d bytes with its module (the alert and its element status),"
                + " %,d bytes for the alert alone%n", (withAlerts - quiet) / open, (withAlerts - modules) / open);
        System.out.println("\nwhat grew with the alerts (bytes per alert, instances per alert, class):");
        histogram.minus(withModules).top(16).forEach(row -> System.out.printf("%8.1f %6.2f  %s%n",
                (double) row.bytes() / open, (double) row.instances() / open, row.className()));
        System.out.println("\nclass histogram, top 15 (instances, bytes, class):");
        histogram.top(15).forEach(row -> System.out.printf("%,12d %,14d  %s%n", row.instances(), row.bytes(),
                row.className()));
    }

    /** Modules {@code from} (inclusive) to {@code to} report once, each its {@code statusOf}; then they expire. */
    private void report(int from, int to, IntFunction<Status> statusOf) {
        List<Event> batch = new ArrayList<>(BATCH);
        for (int module = from; module < to; module++) {
            batch.add(event(module, statusOf.apply(module)));
            if (batch.size() == BATCH || module == to - 1) {
                clock += 1_000;
                session.advanceTo(clock);
                session.insert(batch);
                session.fire();
                session.drain();
                batch = new ArrayList<>(BATCH);
            }
        }
        settle();
    }

    /** Moves the clock past the events' life and fires, so they expire. */
    private void settle() {
        clock += 3_000;
        session.advanceTo(clock);
        session.fire();
        session.drain();
    }

    /** Fresh strings throughout, as intake makes them from each request. */
    private Event event(int module, Status status) {
        int host = module / CHECKS.length;
        String check = fresh(CHECKS[module % CHECKS.length]);
        String site = SITES[host % SITES.length];
        String message = status == Status.NORMAL ? "ok" : check + " at " + (80 + module % 20) + " % of its limit";
        Map<String, String> attributeMap = attributes == 0 ? Map.of()
                : Map.of("env", fresh("prod"), "region", fresh(site), "team", fresh("team-" + host % 40));
        return new Event(++nextId, clock, clock, "http", fresh("collector-" + site), "web-" + host + "." + site
                + ".example.net", check, status, null, message, attributeMap);
    }

    private static String fresh(String text) {
        return String.valueOf(text.toCharArray());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The JVM's class histogram (what {@code jcmd <pid> GC.class_histogram} prints), taken in-process. */
    private record ClassHistogram(Map<String, Row> rows) {

        record Row(String className, long instances, long bytes) {
        }

        static ClassHistogram take() throws Exception {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Row> rows = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length >= 4 && cells[0].endsWith(":")) {
                    rows.put(cells[3], new Row(cells[3], Long.parseLong(cells[1]), Long.parseLong(cells[2])));
                }
            }
            return new ClassHistogram(rows);
        }

        ClassHistogram minus(ClassHistogram before) {
            Map<String, Row> grown = new HashMap<>();
            rows.forEach((name, row) -> {
                Row old = before.rows.getOrDefault(name, new Row(name, 0, 0));
                grown.put(name, new Row(name, row.instances - old.instances, row.bytes - old.bytes));
            });
            return new ClassHistogram(grown);
        }

        List<Row> top(int count) {
            return rows.values().stream().sorted((a, b) -> Long.compare(b.bytes, a.bytes)).limit(count).toList();
        }
    }
}
