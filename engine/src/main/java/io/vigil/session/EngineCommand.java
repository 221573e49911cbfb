package io.vigil.session;

/** Something a person asks of the engine; executed on the engine thread, between batches. */
public sealed interface EngineCommand {

    long incidentId();

    String actor();

    record Acknowledge(long incidentId, String actor) implements EngineCommand {
    }

    record Resolve(long incidentId, String actor) implements EngineCommand {
    }
}
