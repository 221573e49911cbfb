package io.vigil.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The services an element belongs to: those listing it (a module by resource and check, its agent by
 * resource) and, transitively, every service above them. An escalation policy limited to a service
 * takes the incidents of everything in its subtree.
 */
public final class ServiceMembership {

    private ServiceMembership() {
    }

    /** The services containing the module {@code resource/check} (null check: the agent) or the service itself. */
    public static Set<String> of(ServiceTreeDefinition tree, String resource, String check, String service) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        if (service != null) {
            toVisit.add(service);
        }
        for (ServiceDefinition candidate : tree.services()) {
            for (ElementDefinition element : candidate.elements()) {
                boolean module = element.type() == ElementType.MODULE && element.resource().equals(resource)
                        && element.check().equals(check);
                boolean agent = element.type() == ElementType.AGENT && element.resource().equals(resource);
                if (module || agent) {
                    toVisit.add(candidate.name());
                }
            }
        }
        while (!toVisit.isEmpty()) {
            String name = toVisit.poll();
            if (!found.add(name)) {
                continue;
            }
            for (ServiceDefinition parent : tree.services()) {
                for (ElementDefinition element : parent.elements()) {
                    if (element.type() == ElementType.SERVICE && element.name().equals(name)) {
                        toVisit.add(parent.name());
                    }
                }
            }
        }
        return found;
    }
}
