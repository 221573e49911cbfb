package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.service.sla.SlaStatus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest computed status of one service.
 *
 * @param value         the weighted sum (simple mode: percent of flagged elements CRITICAL) to three
 *                      decimals, as the column keeps it; null when the engine gave none
 * @param since         when it entered this status (session clock); a change of value alone keeps it
 * @param slaCompliance percent with two decimals; null without SLA or without counted samples
 * @param slaStatus     null for a service without SLA or not sampled yet
 */
public record ServiceStatusRow(String name, Status status, BigDecimal value, Instant since, BigDecimal slaCompliance,
                               SlaStatus slaStatus) {
}
