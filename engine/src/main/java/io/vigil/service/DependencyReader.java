package io.vigil.service;

import io.vigil.alert.Dependency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code dependencies} section: each resource with the resources it depends on. Names are
 * taken as they are (a parent need not appear elsewhere in the document), but no resource may depend
 * on itself, directly or through others.
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

    /** Null when unusable; a resource naming itself is reported here and kept out of the cycle search. */
    private static Dependency read(Fields fields, Consumer<String> report) {
        fields.require("resource");
        fields.require("dependsOn");
        String resource = fields.nonBlank("resource");
        List<?> items = fields.list("dependsOn");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            report.accept("dependsOn is empty");
        }
        Set<String> parents = new LinkedHashSet<>();
        boolean usable = resource != null && !items.isEmpty();
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
