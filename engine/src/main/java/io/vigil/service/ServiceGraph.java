package io.vigil.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold across the services of a tree: unique names, sub-services that exist, and no
 * service containing itself or an ancestor (propagation would never end). Both the parser and
 * {@link ServiceTree} ask, so a tree built in code is held to the same rules as one from YAML.
 */
final class ServiceGraph {

    private ServiceGraph() {
    }

    static List<String> problems(ServiceTreeDefinition tree) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceDefinition> byName = new LinkedHashMap<>();
        for (ServiceDefinition service : tree.services()) {
            if (byName.putIfAbsent(service.name(), service) != null) {
                problems.add("duplicate service name \"" + service.name() + "\"");
            }
        }
        for (ServiceDefinition service : byName.values()) {
            List<ElementDefinition> elements = service.elements();
            for (int i = 0; i < elements.size(); i++) {
                ElementDefinition element = elements.get(i);
                if (element.type() == ElementType.SERVICE && !byName.containsKey(element.name())) {
                    problems.add("service \"" + service.name() + "\": element " + (i + 1)
                            + " names undefined service \"" + element.name() + "\"");
                }
            }
        }
        findCycles(byName, problems);
        return problems;
    }

    /** Depth-first over sub-service edges with an explicit stack; every edge back into the stack closes a cycle. */
    private static void findCycles(Map<String, ServiceDefinition> byName, List<String> problems) {
        Map<String, Boolean> finished = new HashMap<>();
        for (String root : byName.keySet()) {
            if (finished.containsKey(root)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Deque<Iterator<ElementDefinition>> stack = new ArrayDeque<>();
            path.add(root);
            finished.put(root, false);
            stack.push(byName.get(root).elements().iterator());
            while (!stack.isEmpty()) {
                Iterator<ElementDefinition> children = stack.peek();
                if (!children.hasNext()) {
                    stack.pop();
                    finished.put(path.remove(path.size() - 1), true);
                    continue;
                }
                ElementDefinition child = children.next();
                if (child.type() != ElementType.SERVICE || !byName.containsKey(child.name())) {
                    continue;
                }
                Boolean done = finished.get(child.name());
                if (done == null) {
                    path.add(child.name());
                    finished.put(child.name(), false);
                    stack.push(byName.get(child.name()).elements().iterator());
                } else if (!done) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child.name()), path.size()));
                    cycle.add(child.name());
                    problems.add("service cycle: " + String.join(" -> ", cycle));
                }
            }
        }
    }
}
