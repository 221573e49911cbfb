package io.vigil.audit;

import io.vigil.model.Describable;
import io.vigil.model.ElementStatus;
import io.vigil.model.Event;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns rule firings into {@link Firing}s for the audit trail. Registered on the session as
 * both agenda and rule-runtime listener: before a match fires it takes an id and what the match
 * saw; while the consequence runs it notes the facts inserted, updated and deleted and the
 * outcomes emitted (via {@link #note}); after it fires the firing is complete.
 *
 * <p>Process steps run by timers or commands happen outside any firing and leave no firing,
 * only their outcomes. Runs on the engine thread only, like everything that touches the session.
 */
public final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private String ruleSetVersion;
    private final LongSupplier sessionClock;
    private final List<Firing> completed = new ArrayList<>();
    private long lastFiringId;
    private boolean enabled = true;
    private Open open;

    /**
     * A firing whose consequence is running. {@code routineEvent} is the one event it matched while
     * nothing but that event has changed, else null (see {@link Firing#routine()}).
     */
    private static final class Open {
        final long id;
        final long firedAt;
        final String rule;
        final String rulePackage;
        final List<FactRef> facts;
        final List<Long> eventIds;
        final StringBuilder outcome = new StringBuilder();
        Event routineEvent;

        Open(long id, long firedAt, String rule, String rulePackage, List<FactRef> facts, List<Long> eventIds,
             Event routineEvent) {
            this.id = id;
            this.firedAt = firedAt;
            this.rule = rule;
            this.rulePackage = rulePackage;
            this.facts = facts;
            this.eventIds = eventIds;
            this.routineEvent = routineEvent;
        }
    }

    /**
     * @param lastFiringId the highest firing id already used (stored), so ids continue after a restart
     */
    public FiringRecorder(String ruleSetVersion, LongSupplier sessionClock, long lastFiringId) {
        this.ruleSetVersion = ruleSetVersion;
        this.sessionClock = sessionClock;
        this.lastFiringId = lastFiringId;
    }

    /** Off while recovery re-runs journal events whose firings are stored already: no ids are used. */
    /** Firings from now on are by this rule-set version (the engine switched versions between batches). */
    public void ruleSetVersion(String version) {
        this.ruleSetVersion = version;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The id of the firing whose consequence is running, or null outside a consequence. */
    public Long currentFiringId() {
        return open == null ? null : open.id;
    }

    public long lastFiringId() {
        return lastFiringId;
    }

    /** Adds a line to the running firing's outcome; ignored outside a consequence. */
    public void note(Object outcome) {
        if (open != null) {
            open.routineEvent = null;
            line(outcome.toString());
        }
    }

    /**
     * Adds the line of an event's classification to the running firing's outcome: the one outcome
     * a routine firing may report, when it is of the event the firing matched.
     */
    public void noteClassification(long eventId, Object outcome) {
        if (open != null) {
            if (open.routineEvent == null || open.routineEvent.getId() != eventId) {
                open.routineEvent = null;
            }
            line(outcome.toString());
        }
    }

    /** The firings completed since the last call, in firing order. */
    public List<Firing> drain() {
        finishOpen("(consequence did not complete)");
        List<Firing> firings = List.copyOf(completed);
        completed.clear();
        return firings;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (!enabled) {
            return;
        }
        finishOpen("(consequence did not complete)");
        Match match = event.getMatch();
        List<? extends Object> matched = match.getObjects();
        List<FactRef> facts = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        for (Object fact : matched) {
            if (fact != null) {
                facts.add(refOf(fact));
                if (fact instanceof Event e) {
                    eventIds.add(e.getId());
                } else if (fact instanceof ElementStatus status) {
                    // The event that set the element's status: keeps the chain firing -> event -> raw walkable.
                    eventIds.add(status.getLastEventId());
                }
            }
        }
        Event only = matched.size() == 1 && matched.get(0) instanceof Event e ? e : null;
        open = new Open(++lastFiringId, sessionClock.getAsLong(), match.getRule().getName(),
                match.getRule().getPackageName(), facts, eventIds, only);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        finishOpen("");
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (open != null) {
            open.routineEvent = null;
            line("inserted " + describe(event.getObject()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (open != null) {
            if (event.getObject() != open.routineEvent) {
                open.routineEvent = null;
            }
            line("updated " + describe(event.getObject()));
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (open != null) {
            open.routineEvent = null;
            line("deleted " + describe(event.getOldObject()));
        }
    }

    private void line(String text) {
        StringBuilder outcome = open.outcome;
        if (!outcome.isEmpty()) {
            outcome.append('\n');
        }
        outcome.append(text);
    }

    private void finishOpen(String note) {
        if (open == null) {
            return;
        }
        if (!note.isEmpty()) {
            open.routineEvent = null;
            line(note);
        }
        completed.add(new Firing(open.id, open.firedAt, open.rule, open.rulePackage, ruleSetVersion,
                List.copyOf(open.facts), List.copyOf(open.eventIds), open.outcome.toString(), open.routineEvent != null));
        open = null;
    }

    static FactRef refOf(Object fact) {
        String type = fact.getClass().getSimpleName();
        if (fact instanceof Describable d) {
            return new FactRef(type, d.factId(), d.summary());
        }
        return new FactRef(type, type, String.valueOf(fact));
    }

    private static String describe(Object fact) {
        FactRef ref = refOf(fact);
        return ref.id() + " " + ref.summary();
    }
}
