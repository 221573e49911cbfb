package io.vigil.service.sla;

import java.util.List;

/**
 * What advancing the clock did: the samples taken (to store, each with the compliance after it)
 * and the SLA status changes (to act on). Both are in service order, then time order.
 */
public record SlaUpdate(List<TakenSample> taken, List<SlaStatusChange> changes) {

    public SlaUpdate {
        taken = List.copyOf(taken);
        changes = List.copyOf(changes);
    }

    public List<SlaSample> samples() {
        return taken.stream().map(TakenSample::sample).toList();
    }

    public boolean isEmpty() {
        return taken.isEmpty() && changes.isEmpty();
    }
}
