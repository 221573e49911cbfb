package io.vigil.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine: one thread, "vigil-engine", owns the session. Each turn it drains the inbox
 * (waiting at most the poll timeout), moves the session clock to wall time (so due escalation
 * timers fire, see {@link EngineSession} on the clock), inserts the events, runs the commands,
 * fires, and publishes one {@link BatchOutcome}. Nothing else touches the session.
 *
 * <p>{@link #start()} recovers synchronously from the {@link RecoverySource} before the thread
 * starts, so when it returns the session is back where stored state says it was.
 * {@link #close()} lets the thread finish what the inbox holds and publish a final snapshot.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final RuleSet ruleSet;
    private final EngineSettings settings;
    private final EngineInbox inbox;
    private final OutcomeSink sink;
    private final RecoverySource recovery;
    private final Clock wallClock;
    private volatile Consumer<Runaway> runawayListener = runaway -> { };
    private volatile boolean running;
    private volatile long lastEventId;
    private volatile RuleSet activeRuleSet;
    private final EngineStatistics statistics = new EngineStatistics();
    private Thread thread;

    public Engine(RuleSet ruleSet, EngineSettings settings, EngineInbox inbox, OutcomeSink sink, RecoverySource recovery) {
        this(ruleSet, settings, inbox, sink, recovery, Clock.systemUTC());
    }

    /** With the wall clock the session clock follows (tests move it by hand). */
    public Engine(RuleSet ruleSet, EngineSettings settings, EngineInbox inbox, OutcomeSink sink, RecoverySource recovery,
                  Clock wallClock) {
        this.ruleSet = ruleSet;
        this.settings = settings;
        this.inbox = inbox;
        this.sink = sink;
        this.recovery = recovery;
        this.wallClock = wallClock;
    }

    /** Recovers the session (synchronously), then starts the engine thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("engine already started");
        }
        BatchRunner runner = Recovery.run(ruleSet, settings, recovery, sink, wallClock.millis());
        // After recovery: its re-runs are not this run's work.
        runner.session().addAgendaListener(statistics);
        lastEventId = runner.lastEventId();
        activeRuleSet = runner.session().ruleSet();
        running = true;
        thread = new Thread(() -> loop(runner), "vigil-engine");
        thread.setUncaughtExceptionHandler((t, e) -> log.error("engine thread died; no events are processed", e));
        thread.start();
        log.info("engine started with rule set {} at event {}", ruleSet.version(), lastEventId);
    }

    /**
     * A rule-set version whose rules ran away in a batch, and the version the engine went back to.
     *
     * @param topRule the rule that fired most in that batch
     */
    public record Runaway(String version, String rolledBackTo, String topRule, long topRuleFirings, long firings,
                          String reason) {
    }

    /** Told (on the engine thread, after the rollback) whenever the engine rolled back after a runaway. */
    public void onRunaway(Consumer<Runaway> listener) {
        this.runawayListener = listener;
    }

    private void loop(BatchRunner first) {
        long pollMillis = settings.pollTimeout().toMillis();
        long lingerNanos = settings.linger().toNanos();
        BatchRunner runner = first;
        while (running) {
            try {
                List<Object> items = inbox.drain(settings.batchSize(), pollMillis, lingerNanos);
                long started = System.nanoTime();
                try {
                    runner.run(items, wallClock.millis());
                } catch (RunawayRulesException e) {
                    runner = rollBack(runner, e);
                }
                if (!items.isEmpty()) {
                    statistics.turnTook(System.nanoTime() - started);
                }
                lastEventId = runner.lastEventId();
                activeRuleSet = runner.session().ruleSet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("engine thread interrupted; stopping without draining the inbox");
                break;
            } catch (RuntimeException | Error e) {
                // BatchRunner handles failures of the session; this is the net under everything else.
                log.error("engine turn failed outside a batch; going on", e);
            }
        }
        finish(runner);
    }

    /**
     * The rules of the version deployed last ran away in a batch (the batch is given up, see
     * {@link BatchRunner}): once everything published before it is stored, the session is rebuilt from
     * stored state as a restart would — the snapshot under its own version, the journal after it — but
     * with the version active before as the one to run, and the activation stored with the first batch.
     * That batch's events, journaled and not yet processed, then run under it.
     */
    private BatchRunner rollBack(BatchRunner runner, RunawayRulesException runaway) throws InterruptedException {
        EngineSession session = runner.session();
        RuleSet ran = session.ruleSet();
        RuleSet previous = session.previousRuleSet();
        log.error("rule set {} ran away after event {}: {}; rolling back to {}", ran.version(), runner.lastEventId(),
                runaway.getMessage(), previous.version());
        while (!runner.awaitStored(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS))) {
            log.warn("still waiting for the outcome writer to store what came before the runaway");
        }
        session.close();
        long rebuilding = System.nanoTime();
        BatchRunner rebuilt = Recovery.run(previous, settings, recovery, sink, wallClock.millis(),
                new Outcome.RuleSetActivated(previous.version(), ran.version(), RuleSetActivation.AUTO_ROLLBACK,
                        "vigil", runner.lastEventId(), wallClock.millis()));
        rebuilt.session().addAgendaListener(statistics);
        log.info("rolled back to rule set {}: session rebuilt and the batch run again in {} ms", previous.version(),
                (System.nanoTime() - rebuilding) / 1_000_000);
        Runaway what = new Runaway(ran.version(), previous.version(), runaway.topRule(), runaway.topRuleFirings(),
                runaway.firings(), runaway.getMessage());
        try {
            runawayListener.accept(what);
        } catch (RuntimeException e) {
            log.error("the runaway listener failed for {}", what, e);
        }
        return rebuilt;
    }

    /** Runs what is still queued (those events are journaled; the checkpoint should cover them), then snapshots. */
    private void finish(BatchRunner runner) {
        try {
            List<Object> items;
            while (!Thread.currentThread().isInterrupted() && !(items = inbox.drain(settings.batchSize(), 0)).isEmpty()) {
                runner.run(items, wallClock.millis());
            }
            runner.publishSnapshot();
            lastEventId = runner.lastEventId();
            log.info("engine stopped at event {}", lastEventId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("engine stopped without its final snapshot; a restart re-runs the journal after the last one");
        } catch (RuntimeException e) {
            log.error("engine stopped without its final snapshot", e);
        } finally {
            runner.session().close();
        }
    }

    /** Stops the thread after it has drained the inbox and published a final snapshot. */
    @Override
    public void close() {
        Thread engineThread;
        synchronized (this) {
            engineThread = thread;
            running = false;
        }
        if (engineThread == null) {
            return;
        }
        try {
            engineThread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
            if (engineThread.isAlive()) {
                log.warn("engine thread still busy after {} s; interrupting it", CLOSE_TIMEOUT_SECONDS);
                engineThread.interrupt();
                engineThread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        Thread engineThread = thread;
        return running && engineThread != null && engineThread.isAlive();
    }

    /** The highest event id the session has seen (updated after each turn). */
    public long lastEventId() {
        return lastEventId;
    }

    /** The rule set the engine runs now (the one it started with until a deploy moves it; updated after each turn). */
    public RuleSet ruleSet() {
        RuleSet active = activeRuleSet;
        return active == null ? ruleSet : active;
    }

    /** Turns and rule firings since start, for metrics. */
    public EngineStatistics statistics() {
        return statistics;
    }
}
