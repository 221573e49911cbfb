package io.vigil.intake.http;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;

/** Quotes posted values back to the sender in error messages, as they were sent. */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * The current value as sent: a string's text, a scalar's JSON text, or an object's or array's
     * JSON sliced from the body. Leaves the parser at the value's last token.
     */
    static String asSent(JsonParser json, JsonToken token, byte[] body) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int start = (int) json.currentTokenLocation().getByteOffset();
            json.skipChildren();
            int end = (int) json.currentLocation().getByteOffset();
            return new String(body, start, end - start, StandardCharsets.UTF_8);
        }
        return json.getString();
    }

    /** "number 42", "object {…}", "string \"x\"": what was sent instead of what was expected. */
    public static String describe(JsonToken token, String value) {
        String shown = FieldError.abbreviate(value);
        return switch (token) {
            case VALUE_STRING -> "string \"" + shown + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + shown;
            case VALUE_TRUE, VALUE_FALSE -> "boolean " + shown;
            case START_OBJECT -> "object " + shown;
            case START_ARRAY -> "array " + shown;
            default -> shown;
        };
    }
}
