package io.vigil.service;

import io.vigil.model.Status;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The live state of one service: running sums that each element change adjusts by its delta
 * (value += new weight − old weight), so a change costs O(1) here whatever the service's size.
 */
final class ServiceNode implements Serializable {

    private static final long serialVersionUID = 1L;

    final ServiceDefinition definition;
    /** Where this service is itself an element. */
    final List<ElementLink> parents = new ArrayList<>();
    private final boolean simple;
    private final long warning;
    private final long critical;
    private final int flagged;

    private long value;
    private int known;
    private int flaggedCritical;
    private int flaggedKnown;
    private Status status = Status.UNKNOWN;

    ServiceNode(ServiceDefinition definition) {
        this.definition = definition;
        this.simple = definition.mode() == ServiceMode.SIMPLE;
        this.warning = simple ? 0 : ServiceStatusCalculator.toScaled(definition.warning());
        this.critical = simple ? 0 : ServiceStatusCalculator.toScaled(definition.critical());
        this.flagged = (int) definition.elements().stream().filter(ElementDefinition::critical).count();
    }

    /** Moves one element from {@code before} to {@code after} (null: no status yet) and recomputes the status. */
    void apply(ElementLink link, Status before, Status after) {
        int knownDelta = (ServiceStatusCalculator.isKnown(after) ? 1 : 0)
                - (ServiceStatusCalculator.isKnown(before) ? 1 : 0);
        if (simple) {
            if (link.flagged) {
                flaggedCritical += (after == Status.CRITICAL ? 1 : 0) - (before == Status.CRITICAL ? 1 : 0);
                flaggedKnown += knownDelta;
            }
            status = ServiceStatusCalculator.simple(flaggedCritical, flagged, flaggedKnown);
        } else {
            value += link.weight(after) - link.weight(before);
            known += knownDelta;
            status = ServiceStatusCalculator.weighted(value, warning, critical, known);
        }
    }

    Status status() {
        return status;
    }

    /** What the value is computed from, for cheap change detection (simple mode: the CRITICAL count). */
    long rawValue() {
        return simple ? flaggedCritical : value;
    }

    BigDecimal value() {
        return simple ? ServiceStatusCalculator.simpleValue(flaggedCritical, flagged)
                : ServiceStatusCalculator.fromScaled(value);
    }

    String name() {
        return definition.name();
    }
}
