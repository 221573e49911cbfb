package io.vigil.service.sla;

import java.math.BigDecimal;

/**
 * A service's SLA status moved (e.g. OK to INCORRECT, which the rules can alert on).
 *
 * @param at         session clock, epoch ms: the sample that moved it
 * @param compliance the new compliance in percent (two decimals), null when N/A
 */
public record SlaStatusChange(String service, long at, SlaStatus previous, SlaStatus status, BigDecimal compliance) {
}
