package io.vigil.store;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Status;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which alerts to list: in any of {@code states} (the active ones — all but CLEARED — by default),
 * with any of {@code statuses} (all when empty), of {@code kind} (all when null), whose key,
 * resource, check, service or message contains {@code text} (any when null).
 */
public record AlertFilter(Set<AlertState> states, Set<Status> statuses, AlertKind kind, String text) {

    public static final Set<AlertState> ACTIVE = EnumSet.of(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.SHELVED);
    public static final AlertFilter ACTIVE_ALERTS = new AlertFilter(ACTIVE, Set.of(), null, null);

    public AlertFilter {
        states = states.isEmpty() ? ACTIVE : Set.copyOf(states);
        statuses = Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.trim();
    }
}
