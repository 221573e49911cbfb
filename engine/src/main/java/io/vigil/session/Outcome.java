package io.vigil.session;

import io.vigil.model.Status;

/**
 * What the rules and processes decided, published after each engine batch. Writers store them,
 * the live feed shows them, replay prints them. Times are session-clock epoch milliseconds.
 */
public sealed interface Outcome {

    /** The kind shown in replay output and the live feed, e.g. "event-classified". */
    String kind();

    record EventClassified(long eventId, String category, Status status) implements Outcome {
        public String kind() { return "event-classified"; }
    }

    record ElementStatusChanged(String resource, String check, Status status, Status previous, long at,
                                long eventId) implements Outcome {
        public String kind() { return "element-status-changed"; }
    }

    record IncidentOpened(long incidentId, String resource, String check, String title, long at,
                          long processInstanceId, Long firingId, Long eventId) implements Outcome {
        public String kind() { return "incident-opened"; }
    }

    record IncidentTaskOpened(long incidentId, long taskId, String name, long at) implements Outcome {
        public String kind() { return "incident-task-opened"; }
    }

    record IncidentTaskCompleted(long incidentId, long taskId, String name, long at, String actor) implements Outcome {
        public String kind() { return "incident-task-completed"; }
    }

    record IncidentEscalated(long incidentId, int level, long at) implements Outcome {
        public String kind() { return "incident-escalated"; }
    }

    record IncidentAcknowledged(long incidentId, long at, String actor) implements Outcome {
        public String kind() { return "incident-acknowledged"; }
    }

    record IncidentResolved(long incidentId, long at, String actor) implements Outcome {
        public String kind() { return "incident-resolved"; }
    }
}
