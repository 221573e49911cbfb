package io.vigil.model;

/**
 * What an alert is about: a problem that events report ({@code EVENT}, keyed by their dedup
 * key), a service of the service tree in WARNING or CRITICAL ({@code SERVICE}), or a service whose
 * SLA compliance fell below its limit ({@code SLA}).
 */
public enum AlertKind {
    EVENT, SERVICE, SLA
}
