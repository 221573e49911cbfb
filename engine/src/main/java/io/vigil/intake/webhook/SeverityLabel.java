package io.vigil.intake.webhook;

import io.vigil.model.Status;

import java.util.Locale;
import java.util.Set;

/**
 * The status a firing alert gives its element, from its {@code severity} label: the label has no
 * fixed vocabulary, so the common words are mapped and everything else — no label, a typo, a
 * team's own word — counts as a warning: a firing alert is a problem until someone says otherwise.
 */
final class SeverityLabel {

    static final String NAME = "severity";

    private static final Set<String> CRITICAL = Set.of("critical", "error", "page", "high", "major");
    /** Informational alerts (such as Prometheus' always-firing Watchdog with severity "none") say nothing is wrong. */
    private static final Set<String> NORMAL = Set.of("info", "none");

    private SeverityLabel() {
    }

    /** @param severity the label's value, in any case; null when the alert has none */
    static Status statusOf(String severity) {
        String word = severity == null ? "" : severity.trim().toLowerCase(Locale.ROOT);
        if (CRITICAL.contains(word)) {
            return Status.CRITICAL;
        }
        return NORMAL.contains(word) ? Status.NORMAL : Status.WARNING;
    }
}
