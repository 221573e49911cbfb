package io.vigil.web.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The optional body of an action on one alert or incident: a JSON object with at most the action's
 * own text fields, e.g. {@code {"assignee": "bob"}}; a JSON null stands for "not given". Anything
 * else is a 400 naming it. Also the checks the text fields share (assignee, note).
 */
public final class ActionBody {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_NAME = 255;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActionBody() {
    }

    /**
     * The fields sent, by name (a value may be null when sent as null).
     *
     * @param action the action's name in the path, for the messages
     * @param fields the text fields it takes, in the order the messages list them
     */
    public static Map<String, String> parse(String body, String action, List<String> fields) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("unreadable JSON body: " + e.getOriginalMessage());
        }
        String shape = fields.isEmpty() ? "no body" : "a JSON object {"
                + fields.stream().map(f -> "\"" + f + "\": text").collect(Collectors.joining(", ")) + "}";
        if (!root.isObject()) {
            throw bad(action + " takes " + shape);
        }
        Map<String, String> values = new HashMap<>();
        for (String name : root.propertyNames()) {
            if (!fields.contains(name)) {
                throw bad("unknown field \"" + name + "\": " + action + " takes " + shape);
            }
            JsonNode value = root.get(name);
            if (!value.isString() && !value.isNull()) {
                throw bad("\"" + name + "\" must be text, got " + BodyErrors.abbreviate(value));
            }
            values.put(name, value.isNull() ? null : value.asString());
        }
        return Collections.unmodifiableMap(values);
    }

    /** The value, or a 400 saying the action needs it. */
    public static String required(String value, String field, String action) {
        if (value == null) {
            throw bad("\"" + field + "\" is missing: " + action + " needs it");
        }
        return value;
    }

    /** A user name trimmed, "" (or null) to take the assignment back. */
    public static String assignee(String value) {
        String who = value == null ? "" : value.trim();
        if (who.length() > MAX_NAME) {
            throw bad("\"assignee\" is " + who.length() + " characters long, at most " + MAX_NAME);
        }
        return who;
    }

    /** A note's text: 1 to {@link #MAX_NOTE} characters once stripped. */
    public static String note(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw bad("\"text\" must hold 1 to " + MAX_NOTE + " characters, got " + text.length());
        }
        return text;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
