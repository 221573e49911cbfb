package io.vigil.session;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * What the engine thread spends its time on, for metrics: turns (batches) and their time, and per
 * rule how often it fired and how long its consequences ran. Written by the engine thread only
 * (as an agenda listener on the session and around each turn); read from any thread.
 */
public final class EngineStatistics extends DefaultAgendaEventListener {

    /** One rule's figures since start. */
    public static final class RuleFigures {
        private final AtomicLong firings = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();

        public long firings() {
            return firings.get();
        }

        public double seconds() {
            return nanos.get() / 1e9;
        }
    }

    private final Map<String, RuleFigures> rules = new ConcurrentHashMap<>();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong turnNanos = new AtomicLong();
    private volatile BiConsumer<String, RuleFigures> onNewRule = (rule, figures) -> { };
    private long consequenceStarted;

    /** Called (on the engine thread) the first time a rule fires, e.g. to register its meters. */
    public void onNewRule(BiConsumer<String, RuleFigures> listener) {
        this.onNewRule = listener;
        rules.forEach(listener);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        consequenceStarted = System.nanoTime();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        long took = System.nanoTime() - consequenceStarted;
        String rule = event.getMatch().getRule().getName();
        RuleFigures figures = rules.get(rule);
        if (figures == null) {
            figures = rules.computeIfAbsent(rule, name -> new RuleFigures());
            onNewRule.accept(rule, figures);
        }
        figures.firings.incrementAndGet();
        figures.nanos.addAndGet(took);
    }

    void turnTook(long nanos) {
        turns.incrementAndGet();
        turnNanos.addAndGet(nanos);
    }

    /** Engine turns (one batch of events and commands each) since start. */
    public long turns() {
        return turns.get();
    }

    /** Time those turns took, in seconds: divided by {@link #turns()}, the mean batch time. */
    public double turnSeconds() {
        return turnNanos.get() / 1e9;
    }
}
