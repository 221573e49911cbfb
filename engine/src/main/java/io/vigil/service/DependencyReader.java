package io.vigil.service;

import io.vigil.alert.Dependency;
import io.vigil.config.Fields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code dependencies} section: each resource with the resources it depends on (none for
 * a root: {@code dependsOn: []}). A parent must be known to the document — an entry of its own, or
 * the resource of a service's module or agent — so a misspelt name is an error, not a dependency that
 * never holds; no resource may depend on itself, directly or through others.
 */
final class DependencyReader {

    private static final SectionEntries<Dependency> ENTRIES = new SectionEntries<>("dependency",
            Set.of("resource", "dependsOn"), "resource", DependencyReader::read,
            dependency -> "resource \"" + dependency.resource() + "\"");

    private DependencyReader() {
    }

    static List<Dependency> read(List<?> items, Consumer<String> report) {
        List<Dependency> dependencies = ENTRIES.read(items, report);
        Map<String, List<String>> parents = new LinkedHashMap<>();
        dependencies.forEach(d -> parents.putIfAbsent(d.resource(), d.dependsOn()));
        for (List<String> cycle : Cycles.find(parents)) {
            report.accept("dependency cycle: " + String.join(" -> ", cycle));
        }
        return dependencies;
    }

    /** Every parent that is neither a dependency entry nor the resource of a module or agent of {@code services}. */
    static List<String> unknownParents(List<Dependency> dependencies, List<ServiceDefinition> services) {
        Set<String> known = new HashSet<>();
        dependencies.forEach(d -> known.add(d.resource()));
        for (ServiceDefinition service : services) {
            service.elements().stream().filter(e -> e.type() != ElementType.SERVICE)
                    .forEach(e -> known.add(e.resource()));
        }
        List<String> problems = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            dependency.dependsOn().stream().filter(parent -> !known.contains(parent)).forEach(parent ->
                    problems.add("dependency \"" + dependency.resource() + "\": depends on unknown resource \"" + parent
                            + "\" (give it a dependency entry, e.g. {resource: " + parent + ", dependsOn: []},"
                            + " or name it in a service)"));
        }
        return problems;
    }

    /** Null when unusable; a resource naming itself is reported here and kept out of the cycle search. */
    private static Dependency read(Fields fields, Consumer<String> report) {
        fields.require("resource");
        fields.require("dependsOn");
        String resource = fields.nonBlank("resource");
        List<?> items = fields.list("dependsOn");
        if (items == null) {
            return null;
        }
        Set<String> parents = new LinkedHashSet<>();
        boolean usable = resource != null;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String parent) || parent.isBlank()) {
                report.accept("dependsOn item " + (i + 1) + " is not a resource name: " + Fields.describe(item));
                usable = false;
            } else if (parent.equals(resource)) {
                report.accept("depends on itself");
                usable = false;
            } else if (!parents.add(parent)) {
                report.accept("dependsOn names \"" + parent + "\" twice");
                usable = false;
            }
        }
        return usable ? new Dependency(resource, new ArrayList<>(parents)) : null;
    }
}
