package io.vigil.service.sla;

/** A sample just taken, with its service's compliance over the window right after it. */
public record TakenSample(SlaSample sample, Compliance compliance) {
}
