package io.vigil.service.sla;

import io.vigil.model.Status;

/**
 * One sample, as the SLA writer stores it (so compliance for any past range can be computed).
 *
 * @param at     session clock, epoch ms (a multiple of the sample period)
 * @param status the service's status when sampled
 */
public record SlaSample(String service, long at, Status status, SampleOutcome outcome) {
}
