package io.vigil.bench;

import io.vigil.session.EngineSession;
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

import java.util.concurrent.TimeUnit;

/**
 * The engine alone, on one thread: {@link AlertFeed}'s steady feed inserted into the real session
 * in batches of 1,000 events, rules fired, the batch's outcomes and firings drained — what the
 * engine thread does per batch, without the journal or the writers. Score = events per second.
 *
 * <ul>
 *   <li>{@code rules}: {@code classify}, {@code all} (with the correlation rules and the incident
 *       process) or {@code correlated} (all, with confirmations, dependencies and a silence); see
 *       {@link EngineSetup};</li>
 *   <li>{@code auditing}: whether every firing is captured for the audit trail (production: true).</li>
 * </ul>
 * The session clock moves 1 s per batch, so events expire (after 2 s) as they do in production. The
 * feed's first round (every module's first status) runs in the set-up, before any warm-up.
 * Incidents are never resolved here (nobody works on them), so they add up over a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true"})
public class EngineBenchmark {

    @Param({"classify", "all", "correlated"})
    public String rules;

    @Param({"true", "false"})
    public boolean auditing;

    private final AlertFeed feed = new AlertFeed();
    private EngineSession session;
    private long clock;

    @Setup(Level.Trial)
    public void setUp() {
        clock = 1_800_000_000_000L;
        session = EngineSetup.parse(rules).open(clock);
        session.setAuditing(auditing);
        // The first round gives every module its first status: a one-off load, not the steady feed.
        for (int i = 0; i < AlertFeed.MODULES / AlertFeed.BATCH; i++) {
            batch();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(AlertFeed.BATCH)
    public int batch() {
        clock += 1_000;
        session.advanceTo(clock);
        session.insert(feed.next(clock));
        int fired = session.fire();
        return fired + session.drain().outcomes().size();
    }
}
