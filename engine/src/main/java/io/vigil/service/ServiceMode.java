package io.vigil.service;

import java.util.Locale;

/** How a service turns its elements' statuses into its own (Pandora FMS's three modes). */
public enum ServiceMode {
    /** Per-element weights and per-service thresholds, both chosen by the operator. */
    MANUAL,
    /** Fixed weights (0, 0.5, 1, 0) and fixed thresholds (0.5, 1). */
    AUTO,
    /** Only elements flagged critical count, by the share of them that is CRITICAL. */
    SIMPLE;

    /** The spelling used in YAML and JSON definitions. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
