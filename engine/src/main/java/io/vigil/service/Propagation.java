package io.vigil.service;

import io.vigil.model.Status;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries one element change up the tree: each service above it takes the delta, and only a
 * service whose status moved passes its own change on to its parents. A work list rather than
 * recursion, so depth never costs stack; a service reached twice (shared sub-services) is
 * reported once, from its first state to its last.
 */
final class Propagation {

    private record Step(ElementLink link, Status before, Status after) {
    }

    private record Before(Status status, long rawValue, BigDecimal value) {
    }

    private final Deque<Step> work = new ArrayDeque<>();
    private final Map<ServiceNode, Before> touched = new LinkedHashMap<>();

    void elementMoved(List<ElementLink> links, Status before, Status after) {
        for (ElementLink link : links) {
            work.push(new Step(link, before, after));
        }
        while (!work.isEmpty()) {
            Step step = work.pop();
            ServiceNode service = step.link().parent;
            Status previous = service.status();
            touched.computeIfAbsent(service, s -> new Before(previous, s.rawValue(), s.value()));
            service.apply(step.link(), step.before(), step.after());
            if (service.status() != previous) {
                for (ElementLink up : service.parents) {
                    work.push(new Step(up, previous, service.status()));
                }
            }
        }
    }

    List<ServiceStatusChange> changes() {
        List<ServiceStatusChange> changes = new ArrayList<>(touched.size());
        touched.forEach((service, before) -> {
            if (before.status() != service.status() || before.rawValue() != service.rawValue()) {
                changes.add(new ServiceStatusChange(service.name(), before.status(), service.status(),
                        before.value(), service.value()));
            }
        });
        return changes;
    }
}
