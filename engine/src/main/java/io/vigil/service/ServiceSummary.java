package io.vigil.service;

import io.vigil.model.Status;

import java.math.BigDecimal;

/**
 * A service as the list views show it.
 *
 * @param warning    the threshold in force (null in simple mode)
 * @param critical   the threshold in force (null in simple mode)
 * @param value      the weighted sum, or in simple mode the percentage of flagged elements that are CRITICAL
 * @param suppressed true while a CRITICAL ancestor with cascade protection carries the problem
 * @param sla        null when the service has no SLA
 */
public record ServiceSummary(String name, String description, String group, ServiceMode mode, BigDecimal warning,
                             BigDecimal critical, BigDecimal value, Status status, boolean quiet,
                             boolean cascadeProtection, boolean suppressed, SlaSettings sla) {
}
