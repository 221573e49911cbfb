package io.vigil.service.sla;

import io.vigil.service.SlaSettings;

/** A service's SLA now: its settings and the compliance of the current window. */
public record SlaView(String service, SlaSettings settings, Compliance compliance) {
}
