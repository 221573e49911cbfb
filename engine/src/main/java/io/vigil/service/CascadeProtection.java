package io.vigil.service;

import io.vigil.model.Status;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether a CRITICAL service with cascade protection sits anywhere above an element. Walked on
 * demand (depth × fan-in is small) rather than kept up to date on every change, because it is
 * asked only when something is about to raise an alert.
 */
final class CascadeProtection {

    private CascadeProtection() {
    }

    /** Walks up from the given links through every ancestor, each visited once. */
    static boolean above(List<ElementLink> links) {
        Deque<ServiceNode> todo = new ArrayDeque<>();
        links.forEach(link -> todo.push(link.parent));
        Set<ServiceNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            ServiceNode service = todo.pop();
            if (!seen.add(service)) {
                continue;
            }
            if (service.definition.cascadeProtection() && service.status() == Status.CRITICAL) {
                return true;
            }
            service.parents.forEach(link -> todo.push(link.parent));
        }
        return false;
    }
}
