package io.vigil.bench;

import io.vigil.model.Event;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine alone, on one thread: events inserted into the real session in batches of 1,000,
 * rules fired, the batch's outcomes and firings drained — what the engine thread does per
 * batch, without the journal or the writers. Score = events per second.
 *
 * <ul>
 *   <li>{@code rules=classify}: only the rules/classify/ DRLs (category, status, element status);</li>
 *   <li>{@code rules=all}: the whole rule set with the incident process (a few elements go CRITICAL);</li>
 *   <li>{@code auditing}: whether every firing is captured for the audit trail (production: true).</li>
 * </ul>
 * The session clock moves 1 s per batch, so events expire (after 2 s) as they do in production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true"})
public class EngineBenchmark {

    static final int BATCH = 1_000;
    private static final String[] CHECKS = {"cpu", "disk", "ping", "sshd", "httpd", "orders", "app-metric", "kernel"};

    @Param({"classify", "all"})
    public String rules;

    @Param({"true", "false"})
    public boolean auditing;

    private EngineSession session;
    private long clock;
    private long nextId;

    @Setup(Level.Trial)
    public void setUp() {
        RuleSet all = RuleSet.fromClasspath();
        RuleSet ruleSet = "all".equals(rules) ? all : RuleSet.of(only(all.sources(), "rules/classify/"));
        clock = 1_800_000_000_000L;
        session = EngineSession.create(ruleSet, SessionSetup.fresh(Duration.ofMinutes(15)), clock);
        session.setAuditing(auditing);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batch() {
        clock += 1_000;
        session.advanceTo(clock);
        session.insert(events());
        int fired = session.fire();
        return fired + session.drain().outcomes().size();
    }

    private List<Event> events() {
        List<Event> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = ++nextId;
            String check = CHECKS[(int) (id % CHECKS.length)];
            // Mostly steady metrics; every 13th a syslog-style event with only a severity; rare criticals.
            Status status = id % 13 == 0 ? null : id % 997 == 0 ? Status.CRITICAL : id % 31 == 0 ? Status.WARNING : Status.NORMAL;
            Severity severity = status == null ? Severity.ofCode((int) (id % 8)) : null;
            events.add(new Event(id, clock, clock, "bench", "bench", "host" + (id % 10_000), check, status, severity,
                    "synthetic benchmark event " + id + " about as long as a typical monitoring message", Map.of()));
        }
        return events;
    }

    private static Map<String, String> only(Map<String, String> sources, String prefix) {
        Map<String, String> selected = new TreeMap<>();
        sources.forEach((path, text) -> {
            if (path.startsWith(prefix)) {
                selected.put(path, text);
            }
        });
        return selected;
    }
}
