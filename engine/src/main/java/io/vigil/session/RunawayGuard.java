package io.vigil.session;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.HashMap;
import java.util.Map;

/**
 * Watches one {@code fireAllRules} for a rule set that does not come to rest: counts the firings
 * per rule and, every {@link #CHECK_EVERY} firings, looks at the clock; past the time budget it
 * halts the session, which stops after the firing under way. The firing limit itself is
 * {@code fireAllRules}' own argument.
 */
final class RunawayGuard extends DefaultAgendaEventListener {

    private static final int CHECK_EVERY = 256;

    private final KieSession session;
    private final Map<String, long[]> perRule = new HashMap<>();
    private long budgetNanos;
    private long startedNanos;
    private long firings;
    private boolean overBudget;

    RunawayGuard(KieSession session) {
        this.session = session;
    }

    void arm(long budgetNanos) {
        this.budgetNanos = budgetNanos;
        this.startedNanos = System.nanoTime();
        this.firings = 0;
        this.overBudget = false;
        perRule.clear();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        perRule.computeIfAbsent(event.getMatch().getRule().getName(), name -> new long[1])[0]++;
        if (++firings % CHECK_EVERY == 0 && !overBudget && System.nanoTime() - startedNanos > budgetNanos) {
            overBudget = true;
            session.halt();
        }
    }

    /** The batch ran over its time budget (the session was halted). */
    boolean overBudget() {
        return overBudget;
    }

    /** The runaway this guard saw, {@code why} said of it ("fired 100000 times", "ran 30 s"). */
    RunawayRulesException runaway(String why) {
        Map.Entry<String, long[]> top = perRule.entrySet().stream()
                .max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0])).orElse(Map.entry("(none)", new long[1]));
        return new RunawayRulesException(why, top.getKey(), top.getValue()[0], firings);
    }
}
