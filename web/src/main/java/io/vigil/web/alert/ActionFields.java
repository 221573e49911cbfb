package io.vigil.web.alert;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The optional body of an action on one alert: a JSON object with at most the action's own text
 * field, e.g. {@code {"assignee": "bob"}}. Anything else is a 400 naming it.
 */
final class ActionFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActionFields() {
    }

    static Map<String, String> parse(String body, AlertAction action) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("unreadable JSON body: " + e.getOriginalMessage());
        }
        String shape = action.field() == null ? "no body" : "a JSON object {\"" + action.field() + "\": text}";
        if (!root.isObject()) {
            throw bad(action.path() + " takes " + shape);
        }
        for (String name : root.propertyNames()) {
            if (!name.equals(action.field())) {
                throw bad("unknown field \"" + name + "\": " + action.path() + " takes " + shape);
            }
        }
        if (action.field() == null || !root.has(action.field())) {
            return Map.of();
        }
        JsonNode value = root.get(action.field());
        if (!value.isString()) {
            throw bad("\"" + action.field() + "\" must be text, got " + value);
        }
        return Map.of(action.field(), value.asString());
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
