package io.vigil.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One service of a tree as defined.
 *
 * @param description never null ("" when none)
 * @param group       null when the service belongs to no group (then only ADMIN sees it)
 * @param warning     the warning threshold: as set in manual mode (default 0.5), always 0.5 in auto mode,
 *                    always null in simple mode
 * @param critical    the critical threshold: as set in manual mode (default 1), always 1 in auto mode,
 *                    always null in simple mode
 * @param sla         null when the service has no SLA
 */
public record ServiceDefinition(String name, String description, String group, ServiceMode mode,
                                BigDecimal warning, BigDecimal critical, boolean quiet, boolean cascadeProtection,
                                SlaSettings sla, List<ElementDefinition> elements) implements Serializable {

    public static final BigDecimal DEFAULT_WARNING = new BigDecimal("0.5");
    public static final BigDecimal DEFAULT_CRITICAL = BigDecimal.ONE;

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(mode, "mode");
        if (mode == ServiceMode.MANUAL) {
            warning = warning == null ? DEFAULT_WARNING : Decimals.normalize(warning);
            critical = critical == null ? DEFAULT_CRITICAL : Decimals.normalize(critical);
        } else {
            warning = mode == ServiceMode.AUTO ? DEFAULT_WARNING : null;
            critical = mode == ServiceMode.AUTO ? DEFAULT_CRITICAL : null;
        }
        elements = List.copyOf(elements);
    }

    /** The weights an element counts with here: its own in manual mode, the fixed ones in auto mode, none in simple. */
    public Weights weightsOf(ElementDefinition element) {
        switch (mode) {
            case MANUAL: return element.weights() == null ? Weights.DEFAULT : element.weights();
            case AUTO: return Weights.DEFAULT;
            default: return null;
        }
    }
}
