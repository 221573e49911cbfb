package io.vigil.session.replay;

import io.vigil.config.DocumentException;
import io.vigil.model.Event;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.session.BatchOutcome;
import io.vigil.session.BatchRunner;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import io.vigil.session.EngineSession;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;
import io.vigil.session.SnapshotPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the rule tests kept with a rule set ({@code rule-tests/…/*.yml}, read by {@link RuleTestReader})
 * on that rule set, each on a fresh session on the pseudo clock, as replay runs events: the service
 * tree first, then the events in time order, the clock moved to each event's time and to each
 * check's. A check compares what replay would report at that moment — the classifications so far,
 * and every element, alert, incident and service as it stands — with the entries it expects.
 */
public final class RuleTests {

    /** Events without occurredAt happen at this time, so a test gives the same answer on every run. */
    static final Instant DEFAULT_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<String>> FIELDS = Map.of(
            "classifications", List.of("event", "category", "status"),
            "elements", fields(ReplaySummary.ElementLine.class),
            "alerts", fields(ReplaySummary.AlertLine.class),
            "incidents", fields(ReplaySummary.IncidentLine.class),
            "services", fields(ReplaySummary.ServiceLine.class));

    private RuleTests() {
    }

    /** Every rule test of the set, in path order. */
    public static List<RuleTestResult> run(RuleSet ruleSet) {
        List<RuleTestResult> results = new ArrayList<>();
        ruleSet.ruleTests().forEach((path, text) -> results.add(run(ruleSet, path, text)));
        return results;
    }

    static RuleTestResult run(RuleSet ruleSet, String path, String text) {
        RuleTestCase test;
        try {
            test = RuleTestReader.read(text);
        } catch (DocumentException e) {
            return RuleTestResult.failed(path, "", e.errors());
        }
        List<Event> events;
        try {
            events = ReplayEvents.fromLines(test.events(), Clock.fixed(DEFAULT_TIME, ZoneOffset.UTC));
        } catch (ReplayInputException e) {
            return RuleTestResult.failed(path, test.description(), List.of(e.getMessage()));
        }
        try {
            List<String> differences = differences(ruleSet, test, events);
            return new RuleTestResult(path, test.description(), differences.isEmpty(), differences);
        } catch (RuntimeException e) {
            return RuleTestResult.failed(path, test.description(), List.of("the rules failed: " + e));
        }
    }

    private static List<String> differences(RuleSet ruleSet, RuleTestCase test, List<Event> events) {
        long start = events.isEmpty() ? DEFAULT_TIME.toEpochMilli() : events.get(0).getOccurredAt();
        long end = events.isEmpty() ? start : events.get(events.size() - 1).getOccurredAt();
        Collected collected = new Collected();
        List<String> differences = new ArrayList<>();
        try (EngineSession session = EngineSession.create(ruleSet, SessionSetup.fresh(test.escalateAfter()), start)) {
            BatchRunner runner = new BatchRunner(session, collected, SnapshotPolicy.never(), 0);
            if (test.services() != null) {
                runner.run(List.of(new EngineInbox.PendingCommand(new EngineCommand.ReplaceServiceTree(test.services(),
                        ServiceTreeExporter.toYaml(test.services()), "rule test"), new CompletableFuture<>())), start);
            }
            int next = 0;
            for (RuleTestCase.Check check : test.checks()) {
                long at = check.at() == null ? end : check.at().toEpochMilli();
                while (next < events.size() && events.get(next).getOccurredAt() <= at) {
                    runner.run(List.of(List.of(events.get(next))), events.get(next).getOccurredAt());
                    next++;
                }
                runner.run(List.of(), at);
                collected.summary.services(session.services());
                String when = check.at() == null ? "after the last event" : "at " + check.at();
                check.expected().forEach((section, entries) ->
                        compare(when, section, entries, collected.actual(section), differences));
            }
        }
        return differences;
    }

    private static void compare(String when, String section, List<Map<String, Object>> expected, List<ObjectNode> actual,
                                List<String> differences) {
        if (expected.isEmpty() && !actual.isEmpty()) {
            differences.add(when + ": expected no " + section + ", found " + actual.size() + ": " + actual);
            return;
        }
        for (Map<String, Object> entry : expected) {
            List<String> unknown = entry.keySet().stream().filter(f -> !FIELDS.get(section).contains(f)).toList();
            if (!unknown.isEmpty()) {
                differences.add(when + ": " + section + " have no field " + String.join(", ", unknown) + " (they have "
                        + String.join(", ", FIELDS.get(section)) + ")");
                continue;
            }
            ObjectNode closest = null;
            int closestMatches = -1;
            for (ObjectNode candidate : actual) {
                int matches = (int) entry.entrySet().stream().filter(f -> same(f.getValue(), candidate.get(f.getKey()))).count();
                if (matches > closestMatches) {
                    closest = candidate;
                    closestMatches = matches;
                }
            }
            if (closestMatches == entry.size()) {
                continue;
            }
            String wanted = section + " entry " + JSON.writeValueAsString(entry);
            if (closest == null || closestMatches == 0) {
                differences.add(when + ": expected " + wanted + ", found " + (actual.isEmpty() ? "no " + section : actual));
            } else {
                ObjectNode found = closest;
                List<String> wrong = entry.entrySet().stream().filter(f -> !same(f.getValue(), found.get(f.getKey())))
                        .map(f -> f.getKey() + " is " + found.get(f.getKey()) + ", expected " + JSON.writeValueAsString(f.getValue()))
                        .toList();
                differences.add(when + ": expected " + wanted + "; the closest, " + found + ": " + String.join("; ", wrong));
            }
        }
    }

    /** An expected YAML value (text, decimal, flag or null) against the value found. */
    private static boolean same(Object expected, JsonNode actual) {
        if (expected == null || actual == null || actual.isNull()) {
            return expected == null && (actual == null || actual.isNull());
        }
        if (expected instanceof BigDecimal number) {
            return actual.isNumber() && actual.decimalValue().compareTo(number) == 0;
        }
        if (expected instanceof Boolean flag) {
            return actual.isBoolean() && actual.booleanValue() == flag;
        }
        return actual.isValueNode() && actual.asString().equals(String.valueOf(expected));
    }

    private static List<String> fields(Class<? extends Record> line) {
        return Arrays.stream(line.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Keeps the outcomes as replay's summary does, and the classifications in event order. */
    private static final class Collected implements OutcomeSink {
        private final ReplaySummary summary = new ReplaySummary();
        private final Map<Long, ObjectNode> classifications = new LinkedHashMap<>();

        @Override
        public void publish(BatchOutcome batch) {
            for (Outcome outcome : batch.outcomes()) {
                summary.add(outcome);
                if (outcome instanceof Outcome.EventClassified classified) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("event", classified.eventId());
                    line.put("category", classified.category());
                    line.put("status", classified.status() == null ? null : classified.status().name());
                    classifications.put(classified.eventId(), line);
                }
            }
            batch.onCommitted().run();
        }

        List<ObjectNode> actual(String section) {
            if (section.equals("classifications")) {
                return List.copyOf(classifications.values());
            }
            JsonNode body = JSON.valueToTree(summary.line(0).summary());
            List<ObjectNode> lines = new ArrayList<>();
            body.get(section).values().forEach(node -> lines.add((ObjectNode) node));
            return lines;
        }
    }
}
