package io.vigil.service.sla;

import java.util.List;

/** What advancing the clock did: the samples taken (to store) and the SLA status changes (to act on). */
public record SlaUpdate(List<SlaSample> samples, List<SlaStatusChange> changes) {

    public SlaUpdate {
        samples = List.copyOf(samples);
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return samples.isEmpty() && changes.isEmpty();
    }
}
