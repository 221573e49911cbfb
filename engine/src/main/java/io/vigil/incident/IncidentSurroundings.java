package io.vigil.incident;

import java.util.Set;

/**
 * What the incident desk asks of the rest of the session when an incident opens: which services the
 * element belongs to (for policies limited to services) and whether others depend on the resource
 * (a dependency root gets HIGH priority).
 */
public interface IncidentSurroundings {

    /** No services, no dependencies (tests of the process alone). */
    IncidentSurroundings NONE = new IncidentSurroundings() {
        @Override
        public Set<String> servicesOf(String resource, String check, String service) {
            return service == null ? Set.of() : Set.of(service);
        }

        @Override
        public boolean isDependencyRoot(String resource) {
            return false;
        }
    };

    /** The services containing the module (or the service itself, for a service incident) and those above them. */
    Set<String> servicesOf(String resource, String check, String service);

    boolean isDependencyRoot(String resource);
}
