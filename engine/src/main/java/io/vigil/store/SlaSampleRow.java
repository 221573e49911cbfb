package io.vigil.store;

import io.vigil.service.sla.SampleOutcome;

import java.time.Instant;

/** One stored SLA sample of a service (session clock). */
public record SlaSampleRow(Instant sampledAt, SampleOutcome outcome) {
}
