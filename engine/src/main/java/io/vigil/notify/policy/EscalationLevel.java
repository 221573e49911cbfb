package io.vigil.notify.policy;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One step of a policy.
 *
 * @param number 1 for the first level
 * @param after  how long after the previous level (for level 1: after the incident opened) this one
 *               notifies, while the incident is unacknowledged; 0 or more
 * @param targets what the document lists under {@code notify}; never empty (a record component
 *                cannot be called {@code notify}: that would clash with {@link Object#notify()})
 */
public record EscalationLevel(int number, Duration after, List<TargetRef> targets) implements Serializable {

    public EscalationLevel {
        targets = List.copyOf(targets);
    }
}
