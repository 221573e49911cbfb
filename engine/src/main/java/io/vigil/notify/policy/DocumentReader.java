package io.vigil.notify.policy;

import io.vigil.config.Fields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a loaded policy document into its parts, collecting every problem. Sections are read in the
 * order the document has them, so problems come in document order; references between sections are
 * checked against the names each section gives, usable or not, so that an entry with a problem
 * raises no second "unknown" error where it is named.
 */
final class DocumentReader {

    private static final Set<String> TOP_KEYS = Set.of("users", "channels", "schedules", "policies");

    final List<String> problems = new ArrayList<>();
    Map<String, UserDefinition> users = new LinkedHashMap<>();
    Map<String, ChannelDefinition> channels = new LinkedHashMap<>();
    Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
    List<EscalationPolicy> policies = List.of();

    /** @throws PolicyDocumentException with every problem, when there is one */
    static DocumentReader read(Object document) {
        DocumentReader reader = new DocumentReader();
        if (!(document instanceof Map<?, ?> map)) {
            throw new PolicyDocumentException(List.of("a policy document must be a map with the key \"policies\", not "
                    + (document == null ? "an empty document" : Fields.describe(document))));
        }
        reader.readSections(map);
        if (!reader.problems.isEmpty()) {
            throw new PolicyDocumentException(reader.problems);
        }
        return reader;
    }

    private void readSections(Map<?, ?> document) {
        Fields top = Fields.at(document, TOP_KEYS, "", problems::add);
        top.require("policies");
        Map<TargetKind, Collection<String>> names = new EnumMap<>(TargetKind.class);
        names.put(TargetKind.USER, Items.names(document.get("users")));
        names.put(TargetKind.SCHEDULE, Items.names(document.get("schedules")));
        names.put(TargetKind.CHANNEL, Items.names(document.get("channels")));
        for (Object section : document.keySet()) {
            switch (String.valueOf(section)) {
                case "users" -> users = DirectoryReader.users(top, problems::add);
                case "channels" -> channels = DirectoryReader.channels(top, problems::add);
                case "schedules" -> schedules = ScheduleReader.read(top, names.get(TargetKind.USER), problems::add);
                case "policies" -> policies = PolicyReader.read(top, names, problems::add);
                default -> {
                    // unknown keys were reported by Fields
                }
            }
        }
    }
}
