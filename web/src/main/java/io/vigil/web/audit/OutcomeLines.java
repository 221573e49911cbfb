package io.vigil.web.audit;

import io.vigil.session.Outcome;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes a stored firing outcome readable. The audit trail keeps what a firing did as text, one
 * line per outcome or fact change; an outcome line is the record's own text
 * ({@code IncidentOpened[incidentId=7, …, at=1763719200000, …]}). Such a line becomes its kind
 * ({@code incident-opened}) and its fields, empty ones left out and epoch-millisecond times as
 * instants; any other line ({@code inserted incident:7 …}) stays as it is. The stored text — and
 * so the hash chain — is untouched.
 */
final class OutcomeLines {

    /**
     * One line of a firing's outcome.
     *
     * @param kind   the outcome's kind, or null for a line that is not an outcome
     * @param fields the outcome's non-empty fields, in record order
     * @param text   the line as stored
     */
    record Line(String kind, List<Field> fields, String text) {
    }

    /** @param time the value as an instant when the field is a time, else null */
    record Field(String name, String value, Instant time) {
    }

    private static final Pattern RECORD_TEXT = Pattern.compile("(\\w+)\\[(.*)]");
    private static final Pattern KIND_WORD = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Map<String, Class<?>> OUTCOMES = Arrays.stream(Outcome.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private OutcomeLines() {
    }

    static List<Line> of(String outcome) {
        if (outcome == null || outcome.isEmpty()) {
            return List.of();
        }
        return outcome.lines().map(OutcomeLines::line).toList();
    }

    private static Line line(String text) {
        Matcher matcher = RECORD_TEXT.matcher(text);
        Class<?> type = matcher.matches() ? OUTCOMES.get(matcher.group(1)) : null;
        List<Field> fields = type == null ? null : fields(type.getRecordComponents(), matcher.group(2));
        if (fields == null) {
            return new Line(null, List.of(), text);
        }
        return new Line(KIND_WORD.matcher(type.getSimpleName()).replaceAll("-").toLowerCase(), fields, text);
    }

    /** The fields, found by the record's component names in order; null when the text does not have that shape. */
    private static List<Field> fields(RecordComponent[] components, String body) {
        List<Field> fields = new ArrayList<>();
        int at = 0;
        for (int k = 0; k < components.length; k++) {
            String start = (k == 0 ? "" : ", ") + components[k].getName() + "=";
            if (!body.startsWith(start, at)) {
                return null;
            }
            int from = at + start.length();
            at = k + 1 < components.length ? body.indexOf(", " + components[k + 1].getName() + "=", from) : body.length();
            if (at < 0) {
                return null;
            }
            String value = body.substring(from, at);
            if (!value.equals("null") && !value.isEmpty()) {
                fields.add(new Field(components[k].getName(), value, isTime(components[k]) ? time(value) : null));
            }
        }
        return fields;
    }

    private static boolean isTime(RecordComponent component) {
        String name = component.getName();
        return component.getType() == long.class
                && (name.equals("at") || name.equals("start") || name.equals("end") || name.endsWith("At"));
    }

    private static Instant time(String value) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
