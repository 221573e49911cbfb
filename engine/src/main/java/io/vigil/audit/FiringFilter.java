package io.vigil.audit;

import java.time.Instant;

/**
 * Which firings an auditor is looking for; every field null means any.
 *
 * @param rule     the rule's exact name
 * @param version  the rule-set version that fired it
 * @param since    fired at or after (session clock)
 * @param until    fired at or before
 * @param eventId  an event among the facts it matched
 * @param beforeId only firings with a lower id (the next page of a newest-first search)
 */
public record FiringFilter(String rule, String version, Instant since, Instant until, Long eventId, Long beforeId) {

    public static final FiringFilter ANY = new FiringFilter(null, null, null, null, null, null);

    public FiringFilter withBefore(long id) {
        return new FiringFilter(rule, version, since, until, eventId, id);
    }

    public boolean matches(FiringRow firing) {
        return (rule == null || rule.equals(firing.rule()))
                && (version == null || version.equals(firing.ruleSetVersion()))
                && (since == null || !firing.firedAt().isBefore(since))
                && (until == null || !firing.firedAt().isAfter(until))
                && (eventId == null || firing.eventIds().contains(eventId))
                && (beforeId == null || firing.id() < beforeId);
    }
}
