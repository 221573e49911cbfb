package io.vigil.session;

import io.vigil.service.ServiceTreeDefinition;

import java.util.List;

/** Something a person asks of the engine; executed on the engine thread, between batches. */
public sealed interface EngineCommand {

    /** Who asked: a user name or {@code token:<name>}; recorded with the effect. */
    String actor();

    /** A step of an incident's process. */
    sealed interface IncidentCommand extends EngineCommand {
        long incidentId();
    }

    record Acknowledge(long incidentId, String actor) implements IncidentCommand {
    }

    record Resolve(long incidentId, String actor) implements IncidentCommand {
    }

    /**
     * Resolves several incidents at once, each as far as it can go: one still waiting for
     * Acknowledge is acknowledged and then resolved by the same actor. Answered with one result per id.
     */
    record ResolveIncidents(List<Long> incidentIds, String actor) implements EngineCommand {
        public ResolveIncidents {
            incidentIds = List.copyOf(incidentIds);
        }
    }

    /**
     * Replaces the whole service tree at once (all or nothing). The definition is already
     * validated (parsed, no cycles); {@code document} is its canonical YAML, stored as given.
     */
    record ReplaceServiceTree(ServiceTreeDefinition definition, String document, String actor) implements EngineCommand {
    }

    /** Plans a downtime of a service: its SLA samples in [start, end) are left out. Times are epoch ms. */
    record ScheduleDowntime(String service, long start, long end, String comment, String actor) implements EngineCommand {
    }

    record CancelDowntime(long downtimeId, String actor) implements EngineCommand {
    }
}
