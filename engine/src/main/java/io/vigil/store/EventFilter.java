package io.vigil.store;

import io.vigil.model.Status;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the event history is narrowed to. Every part is optional: null (or no statuses) means any.
 * Names match exactly, as stored (case-sensitive).
 *
 * @param statuses the effective statuses (what the classify rules decided) to keep, any of them; an
 *                 event not classified yet has none and is left out when statuses are given
 * @param from     only events that occurred at or after this
 * @param to       only events that occurred before this (the range is half-open)
 */
public record EventFilter(String resource, String check, String source, Set<Status> statuses, String category,
                          Instant from, Instant to) {

    public static final EventFilter ANY = new EventFilter(null, null, null, Set.of(), null, null, null);

    public EventFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the time range from " + from + " to " + to + " ends before it starts");
        }
    }
}
