package io.vigil.service;

import io.vigil.model.Status;

import java.io.Serializable;

/**
 * One place where an element counts: the service above it and what it weighs there. An element
 * shared by several services has one link per service, so each parent keeps its own weights.
 */
final class ElementLink implements Serializable {

    private static final long serialVersionUID = 1L;

    final ServiceNode parent;
    /** Thousandths by {@link Status#ordinal()}; null in simple mode. */
    private final long[] weights;
    final boolean flagged;

    ElementLink(ServiceNode parent, ElementDefinition element) {
        this.parent = parent;
        Weights defined = parent.definition.weightsOf(element);
        this.weights = defined == null ? null : ServiceStatusCalculator.scaledWeights(defined);
        this.flagged = element.critical();
    }

    long weight(Status status) {
        return status == null ? 0 : weights[status.ordinal()];
    }
}
