package io.vigil.intake.webhook;

import io.vigil.intake.http.EventTimestamps;
import io.vigil.intake.http.FieldErrors;
import io.vigil.intake.http.JsonValues;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads typed fields of one JSON object of a webhook payload, reporting each problem under its JSON
 * path ("alerts[2].status") with the value as sent. A field that is missing or wrong reads as null
 * (or an empty map), so that every problem of a payload is found in one pass.
 */
final class ObjectFields {

    private final JsonNode object;
    private final String path;
    private final FieldErrors errors;
    private boolean reported;

    /** @param path where the object is: "" for the payload itself, "alerts[2]" for an alert */
    ObjectFields(JsonNode object, String path, FieldErrors errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    JsonNode get(String name) {
        return object.get(name);
    }

    /** The path of a field of this object, of something below it ("labels.instance"), or of the object itself (""). */
    String pathOf(String name) {
        if (name.isEmpty() || path.isEmpty()) {
            return path + name;
        }
        return path + "." + name;
    }

    void report(String name, String value, String message) {
        reported = true;
        errors.add(-1, pathOf(name), value, message);
    }

    /** Whether a problem with this object (or below it) was reported. */
    boolean reported() {
        return reported;
    }

    void report(String name, JsonNode value, String message) {
        report(name, value == null ? null : asSent(value), message);
    }

    /** A string that must be there; null (reported) when missing, null or not a string. */
    String requiredString(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            report(name, (String) null, "required field is missing");
            return null;
        }
        return string(name, value);
    }

    /** A string that may be missing or null. */
    String optionalString(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : string(name, value);
    }

    /** A required string that is not blank. */
    String requiredText(String name) {
        String text = requiredString(name);
        if (text != null && text.isBlank()) {
            report(name, text, "must not be blank");
            return null;
        }
        return text;
    }

    /** A string with one of a few values: {@code must be "firing" or "resolved", got "fired"}. */
    String oneOf(String name, boolean required, String... allowed) {
        String text = required ? requiredString(name) : optionalString(name);
        if (text != null && !Arrays.asList(allowed).contains(text)) {
            String expected = Arrays.stream(allowed).map(a -> "\"" + a + "\"").collect(Collectors.joining(" or "));
            report(name, text, "must be " + expected + ", got \"" + text + "\"");
            return null;
        }
        return text;
    }

    /** A whole number of at least {@code min}, or null. */
    Long wholeNumber(String name, boolean required, long min) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                report(name, value, value == null ? "required field is missing" : "expected a whole number, got null");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            report(name, value, "expected a whole number, got " + describe(value));
            return null;
        }
        if (value.longValue() < min) {
            report(name, value, "must be at least " + min + ", got " + value.longValue());
            return null;
        }
        return value.longValue();
    }

    /**
     * An object of strings (labels, annotations). Optional ones may be missing or null (Go writes an
     * empty map as null) and then read as empty; null when it is required and missing, or wrong.
     */
    Map<String, String> strings(String name, boolean required) {
        JsonNode value = object.get(name);
        if (value == null && required) {
            report(name, (String) null, "required field is missing");
            return null;
        }
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(name, value, "expected an object of strings, got " + describe(value));
            return null;
        }
        Map<String, String> strings = new LinkedHashMap<>();
        boolean wrong = false;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isString()) {
                strings.put(entry.getKey(), entry.getValue().asString());
            } else {
                report(name + "." + entry.getKey(), entry.getValue(), "expected a string, got " + describe(entry.getValue()));
                wrong = true;
            }
        }
        return wrong ? null : strings;
    }

    /** An object of numbers (Grafana's values), each as its JSON text; missing or null reads as empty. */
    Map<String, String> numbers(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(name, value, "expected an object of numbers, got " + describe(value));
            return Map.of();
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isNumber()) {
                numbers.put(entry.getKey(), entry.getValue().toString());
            } else {
                report(name + "." + entry.getKey(), entry.getValue(), "expected a number, got " + describe(entry.getValue()));
            }
        }
        return numbers;
    }

    /** A required RFC 3339 time; Go's zero time reads as unset. Null (reported) when missing or bad. */
    SentTime time(String name) {
        String text = requiredString(name);
        if (text == null) {
            return null;
        }
        if (SentTime.GO_ZERO_TIME.equals(text)) {
            return new SentTime(text, null);
        }
        try {
            return new SentTime(text, EventTimestamps.parse(text));
        } catch (IllegalArgumentException e) {
            report(name, text, e.getMessage());
            return null;
        }
    }

    private String string(String name, JsonNode value) {
        if (!value.isString()) {
            report(name, value, "expected a string, got " + describe(value));
            return null;
        }
        return value.asString();
    }

    private static String asSent(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** "number 4", "object {…}", "null": what was sent instead of what was expected. */
    static String describe(JsonNode value) {
        return JsonValues.describe(value.asToken(), asSent(value));
    }
}
