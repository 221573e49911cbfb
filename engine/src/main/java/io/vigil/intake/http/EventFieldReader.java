package io.vigil.intake.http;

import io.vigil.model.Severity;
import io.vigil.model.Status;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reads the values of one posted event's fields; on a problem reports it and returns null. */
final class EventFieldReader {

    private final JsonParser json;
    private final int index;
    private final byte[] body;
    private final FieldErrors errors;

    EventFieldReader(JsonParser json, int index, byte[] body, FieldErrors errors) {
        this.json = json;
        this.index = index;
        this.body = body;
        this.errors = errors;
    }

    String requiredName(JsonToken token, String field) {
        if (token == JsonToken.VALUE_NULL) {
            errors.add(index, field, "null", "must not be null");
            return null;
        }
        return optionalName(token, field);
    }

    String optionalName(JsonToken token, String field) {
        String text = string(token, field, EventLimits.MAX_NAME_CHARS);
        if (text != null && text.isBlank()) {
            errors.add(index, field, text, "must not be blank");
            return null;
        }
        return text;
    }

    String message(JsonToken token) {
        return string(token, "message", EventLimits.MAX_MESSAGE_CHARS);
    }

    Status status(JsonToken token) {
        String text = string(token, "status", Integer.MAX_VALUE);
        try {
            // Abbreviated first so an enormous value is not quoted whole; no valid status is that long.
            return text == null ? null : Status.parse(FieldError.abbreviate(text));
        } catch (IllegalArgumentException e) {
            errors.add(index, "status", text, e.getMessage());
            return null;
        }
    }

    Severity severity(JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = JsonValues.asSent(json, token, body);
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
            errors.add(index, "severity", text,
                    "expected a severity name or a code 0-7, got " + JsonValues.describe(token, text));
            return null;
        }
        try {
            return Severity.parse(FieldError.abbreviate(text));
        } catch (IllegalArgumentException e) {
            errors.add(index, "severity", text, e.getMessage());
            return null;
        }
    }

    Instant timestamp(JsonToken token, String field) {
        String text = string(token, field, Integer.MAX_VALUE);
        if (text == null) {
            return null;
        }
        try {
            return EventTimestamps.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(index, field, text, e.getMessage());
            return null;
        }
    }

    Map<String, String> attributes(JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            String sent = JsonValues.asSent(json, token, body);
            errors.add(index, "attributes", sent, "expected an object of strings, got " + JsonValues.describe(token, sent));
            return null;
        }
        Map<String, String> attributes = new HashMap<>();
        int chars = 0;
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            String field = "attributes." + name;
            JsonToken valueToken = json.nextToken();
            String value = string(valueToken, field, Integer.MAX_VALUE);
            if (valueToken == JsonToken.VALUE_NULL) {
                errors.add(index, field, "null", "expected a string, got null");
            }
            if (name.isEmpty() || name.length() > EventLimits.MAX_NAME_CHARS) {
                errors.add(index, field, value, "attribute name must have 1 to " + EventLimits.MAX_NAME_CHARS
                        + " characters, got " + name.length());
            } else if (value != null && attributes.put(name, value) != null) {
                errors.add(index, field, value, "duplicate attribute");
            }
            chars += name.length() + (value == null ? 0 : value.length());
        }
        if (chars > EventLimits.MAX_ATTRIBUTE_CHARS) {
            errors.add(index, "attributes", null, "too large: " + chars
                    + " characters in names and values (at most " + EventLimits.MAX_ATTRIBUTE_CHARS + ")");
        }
        return attributes;
    }

    /** A string value of at most {@code maxChars}; null for JSON null or on a problem. */
    private String string(JsonToken token, String field, int maxChars) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            String sent = JsonValues.asSent(json, token, body);
            errors.add(index, field, sent, "expected a string, got " + JsonValues.describe(token, sent));
            return null;
        }
        String text = json.getString();
        if (text.length() > maxChars) {
            errors.add(index, field, text, "too long: " + text.length() + " characters (at most " + maxChars + ")");
            return null;
        }
        return text;
    }
}
