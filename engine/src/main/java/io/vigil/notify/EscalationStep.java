package io.vigil.notify;

import io.vigil.notify.policy.Recipient;

import java.util.List;

/**
 * What one run of the incident process's "Notify" step did: the level it reached (0 when nothing was
 * notified yet), who was notified, and whether (and after how long) the next level follows.
 */
public record EscalationStep(int level, List<Recipient> notified, boolean more, long nextAfterMillis) {

    public EscalationStep {
        notified = List.copyOf(notified);
    }
}
