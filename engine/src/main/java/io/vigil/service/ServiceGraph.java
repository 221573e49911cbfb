package io.vigil.service;

import java.util.ArrayList;
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

    /** Only edges between defined services: an undefined one is reported above and cannot close a cycle. */
    private static void findCycles(Map<String, ServiceDefinition> byName, List<String> problems) {
        Map<String, List<String>> subServices = new LinkedHashMap<>();
        byName.forEach((name, service) -> subServices.put(name, service.elements().stream()
                .filter(e -> e.type() == ElementType.SERVICE).map(ElementDefinition::name).toList()));
        for (List<String> cycle : Cycles.find(subServices)) {
            problems.add("service cycle: " + String.join(" -> ", cycle));
        }
    }
}
