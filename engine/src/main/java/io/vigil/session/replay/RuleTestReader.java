package io.vigil.session.replay;

import io.vigil.config.DocumentException;
import io.vigil.config.Fields;
import io.vigil.config.Paths;
import io.vigil.config.StrictYaml;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule test (YAML), reporting every problem by its place ({@code expect[1].alerts[0]: …}):
 * <pre>
 * description: a critical disk opens an incident that escalates
 * escalateAfter: 15m                    # optional, 15m when left out
 * services: { services: [ … ] }          # optional: a service tree, as PUT /api/v1/services takes it
 * events:                               # numbered 1, 2, … in occurredAt order
 *   - { occurredAt: "2026-01-05T10:00:00Z", resource: db01, check: disk, status: CRITICAL }
 * expect:
 *   - at: "2026-01-05T10:16:00Z"         # optional: without it, after the last event
 *     classifications: [ { event: 1, category: hardware } ]
 *     incidents: [ { resource: db01, state: OPEN, escalationLevel: 1 } ]
 * </pre>
 */
final class RuleTestReader {

    private static final Set<String> TOP_KEYS = Set.of("description", "escalateAfter", "services", "events", "expect");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleTestReader() {
    }

    /** @throws DocumentException with every problem found */
    static RuleTestCase read(String text) {
        Object document = StrictYaml.load(text, DocumentException::new);
        if (!(document instanceof Map<?, ?> top)) {
            throw new DocumentException(List.of("a rule test must be a map with the keys \"events\" and \"expect\", not "
                    + (document == null ? "an empty document" : Fields.describe(document))));
        }
        List<String> problems = new ArrayList<>();
        Fields fields = Fields.at(top, TOP_KEYS, "", problems::add);
        fields.require("events");
        fields.require("expect");
        String description = fields.string("description");
        Duration escalateAfter = fields.has("escalateAfter") ? fields.duration("escalateAfter") : Duration.ofMinutes(15);
        ServiceTreeDefinition services = services(top.get("services"), problems);
        List<String> events = events(fields.list("events"), problems);
        List<RuleTestCase.Check> checks = checks(fields.list("expect"), problems);
        if (!problems.isEmpty()) {
            throw new DocumentException(problems);
        }
        return new RuleTestCase(description == null ? "" : description.strip(), events, services, escalateAfter, checks);
    }

    private static ServiceTreeDefinition services(Object value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String text ? ServiceTreeParser.parse(text)
                    : ServiceTreeParser.parseJson(JSON.writeValueAsString(value));
        } catch (DocumentException e) {
            e.errors().forEach(error -> problems.add("services: " + error));
            return null;
        }
    }

    private static List<String> events(List<?> items, List<String> problems) {
        List<String> events = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> event) {
                events.add(JSON.writeValueAsString(event));
            } else {
                problems.add(Paths.item("events", i) + ": an event is a map of its fields (resource, check, status, …),"
                        + " not " + Fields.describe(items.get(i)));
            }
        }
        return events;
    }

    private static List<RuleTestCase.Check> checks(List<?> items, List<String> problems) {
        List<RuleTestCase.Check> checks = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>(RuleTestCase.SECTIONS);
        keys.add("at");
        for (int i = 0; items != null && i < items.size(); i++) {
            String path = Paths.item("expect", i);
            if (!(items.get(i) instanceof Map<?, ?> check)) {
                problems.add(path + ": a check is a map of \"at\" and the sections " + RuleTestCase.SECTIONS + ", not "
                        + Fields.describe(items.get(i)));
                continue;
            }
            Fields fields = Fields.at(check, keys, path, problems::add);
            Instant at = fields.instant("at");
            Map<String, List<Map<String, Object>>> expected = new LinkedHashMap<>();
            for (String section : RuleTestCase.SECTIONS) {
                List<?> entries = fields.list(section);
                if (entries != null) {
                    expected.put(section, entries(Paths.key(path, section), entries, problems));
                }
            }
            if (expected.isEmpty()) {
                problems.add(path + ": expects nothing (give at least one of " + RuleTestCase.SECTIONS + ")");
            }
            checks.add(new RuleTestCase.Check(at, expected));
        }
        checks.sort(Comparator.comparing(RuleTestCase.Check::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return checks;
    }

    private static List<Map<String, Object>> entries(String path, List<?> items, List<String> problems) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> entry && !entry.isEmpty()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                entry.forEach((key, value) -> fields.put(String.valueOf(key), value));
                entries.add(fields);
            } else {
                problems.add(Paths.item(path, i) + ": an expected entry is a map of the fields it cares about, not "
                        + Fields.describe(items.get(i)));
            }
        }
        return entries;
    }
}
