package io.vigil.notify;

import io.vigil.alert.MatchTarget;
import io.vigil.model.Incident;
import io.vigil.model.IncidentPriority;
import io.vigil.notify.policy.EscalationLevel;
import io.vigil.notify.policy.EscalationPolicy;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.Recipient;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears about an incident, and when: walks an incident's escalation policy level by level (the
 * incident process's "Notify" step calls {@link #escalate}), resolves each level's targets to the
 * people on call at that moment and the policy's channels, and consolidates: everything decided for
 * one recipient within its window (the policy's {@code consolidate}, default 30 s) goes out as one
 * {@link Notification}, emitted as an outcome when the window closes on the session clock. The
 * outcome is stored in the outbox in the engine's transaction and sent by the dispatcher.
 *
 * <p>With no policy for an incident, nobody is notified and the incident escalates on the engine's
 * interval (its level rises), as before policies existed.
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore.
 */
public final class NotificationDesk {

    /** The consolidation window of an all-clear whose incident has no policy any more. */
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

    private final Outcomes outcomes;
    private final Duration fallbackInterval;
    private PolicyDocument document = PolicyDocument.NONE;
    private NotificationBook book;
    private boolean stateChanged;

    /** @param fallbackInterval how often an incident with no policy escalates (its level only) */
    public NotificationDesk(Outcomes outcomes, Duration fallbackInterval) {
        this.outcomes = outcomes;
        this.fallbackInterval = fallbackInterval;
    }

    /** Serves {@code kieSession} from now on: finds its book of waiting notifications, or starts one. */
    public void attach(KieSession kieSession) {
        FactHandle handle = kieSession.getFactHandles(new ClassObjectFilter(NotificationBook.class)).stream()
                .findFirst().orElse(null);
        if (handle == null) {
            book = new NotificationBook();
            kieSession.insert(book);
        } else {
            book = (NotificationBook) kieSession.getObject(handle);
        }
    }

    /** The policies, schedules, users and channels in force from now on. */
    public void configure(PolicyDocument policies) {
        document = policies;
    }

    public PolicyDocument policies() {
        return document;
    }

    /** After recovery: new notification ids continue after the stored ones. */
    public void continueAfter(long lastStoredNotificationId) {
        book.continueAfter(lastStoredNotificationId);
    }

    /** The policy for an incident about the target, whose element belongs to the given services. */
    public Optional<EscalationPolicy> policyFor(MatchTarget target, Set<String> elementServices) {
        return document.policyFor(target, elementServices);
    }

    /**
     * Notifies the next level of the incident's policy (the first one, or with acceleration a later one,
     * when nothing was notified yet; the level reached again after a snooze) and every following level
     * that has no delay, and says when the next one is due. A first level with a delay ({@code after})
     * is notified that long after the incident opened. After the last level the levels run again
     * {@code repeat} times, each time after the longest delay among them (none if they all have none).
     * Records the repeat round on the incident; the caller records the level the step reached.
     */
    public EscalationStep escalate(Incident incident, long now) {
        boolean resumes = incident.isEscalationResumes();
        boolean started = incident.isEscalationStarted();
        incident.setEscalationResumes(false);
        incident.setEscalationStarted(true);
        EscalationPolicy policy = incident.getPolicy() == null ? null : document.policy(incident.getPolicy()).orElse(null);
        if (policy == null) {
            int level = incident.getEscalationLevel() + (started && !resumes ? 1 : 0);
            return new EscalationStep(level, List.of(), true, fallbackInterval.toMillis());
        }
        List<EscalationLevel> levels = policy.levels();
        boolean accelerated = incident.getPriority() == IncidentPriority.HIGH;
        BigDecimal factor = accelerated ? policy.accelerate().delayFactor() : BigDecimal.ONE;
        long firstDelay = scaled(levels.get(0).after(), factor);
        if (!started && firstDelay > 0) {
            return new EscalationStep(0, List.of(), true, firstDelay);
        }
        int level;
        int round = incident.getEscalationRound();
        if (resumes && incident.getEscalationLevel() > 0) {
            level = incident.getEscalationLevel();
        } else if (incident.getEscalationLevel() == 0) {
            level = Math.min(levels.size(), 1 + (accelerated ? policy.accelerate().skipLevels() : 0));
        } else if (incident.getEscalationLevel() < levels.size()) {
            level = incident.getEscalationLevel() + 1;
        } else {
            level = 1;
            round++;
        }
        Map<String, Recipient> notified = new LinkedHashMap<>();
        while (true) {
            notifyLevel(incident, policy, levels.get(level - 1), now, notified);
            boolean more = level < levels.size() || (round < policy.repeat() && longestDelay(levels) > 0);
            // A repeat starts over at level 1 on the next call, so its wait is never 0 (that would run on
            // past the last level here).
            long next = !more ? 0 : level < levels.size() ? scaled(levels.get(level).after(), factor)
                    : Math.max(1, scaled(Duration.ofMillis(longestDelay(levels)), factor));
            if (!more || next > 0) {
                incident.setEscalationRound(round);
                return new EscalationStep(level, List.copyOf(notified.values()), more, next);
            }
            level++;
        }
    }

    /** Queues the level's item for everyone it reaches now; {@code notified} collects them, each once. */
    private void notifyLevel(Incident incident, EscalationPolicy policy, EscalationLevel level, long now,
                             Map<String, Recipient> notified) {
        NotificationItem item = new NotificationItem(incident.getId(), incident.getAlertId(), incident.getResource(),
                incident.getCheck(), incident.getService(), incident.getTitle(), "CRITICAL", level.number(), false, now);
        for (Recipient recipient : document.recipients(level, Instant.ofEpochMilli(now))) {
            queue(recipient, policy.name(), policy.consolidate(), item, now);
            incident.addNotified(recipient);
            notified.putIfAbsent(recipient.key(), recipient);
        }
    }

    /**
     * Tells everyone who heard about the incident that its problem went away, consolidated like the
     * problems were.
     */
    public void allClear(Incident incident, long now) {
        NotificationItem item = new NotificationItem(incident.getId(), incident.getAlertId(), incident.getResource(),
                incident.getCheck(), incident.getService(), incident.getTitle(), "NORMAL", 0, true, now);
        Duration window = incident.getPolicy() == null ? DEFAULT_WINDOW
                : document.policy(incident.getPolicy()).map(EscalationPolicy::consolidate).orElse(DEFAULT_WINDOW);
        for (Recipient recipient : incident.getNotified()) {
            queue(recipient, incident.getPolicy(), window, item, now);
        }
    }

    private void queue(Recipient recipient, String policy, Duration window, NotificationItem item, long now) {
        book.pendingFor(recipient, policy, now, window.toMillis()).add(item);
        stateChanged = true;
    }

    /** Emits every notification whose consolidation window has closed by {@code now}. */
    public void tick(long now) {
        for (PendingNotification due : book.takeDue(now)) {
            Recipient recipient = due.recipient();
            outcomes.emit(new Outcome.NotificationDecided(new Notification(book.nextId(), due.dueAt(), recipient.key(),
                    recipient.channel(), recipient.type(), recipient.address(), recipient.settings(), due.policy(),
                    due.items())));
            stateChanged = true;
        }
    }

    /** True once after any change the journal cannot replay (a notification waiting or decided). */
    public boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        return changed;
    }

    /** How many recipients have a notification waiting for its window to close. */
    public int waiting() {
        return book.waiting();
    }

    private static long longestDelay(List<EscalationLevel> levels) {
        return levels.stream().mapToLong(level -> level.after().toMillis()).max().orElse(0);
    }

    private static long scaled(Duration delay, BigDecimal factor) {
        return new BigDecimal(delay.toMillis()).multiply(factor).longValue();
    }
}
