package io.vigil.web.system;

import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a bulk action, {@code {"ids": [4, 7, 9]}}: 1 to {@value #MAX_IDS} distinct ids of
 * one kind of thing (incidents, alerts), and optionally the text fields the action takes (e.g.
 * {@code "assignee"}). Every problem is reported at once (400, each naming {@code ids[i]} or the
 * field and quoting the value as sent); the detail is the first of them.
 *
 * @param fields the text fields given, by name
 */
public record IdListBody(List<Long> ids, Map<String, String> fields) {

    /** Enough for any page of the console; a bigger clean-up is several requests. */
    public static final int MAX_IDS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The ids alone, e.g. {@code parse(body, "incident")}: no other field is allowed. */
    public static List<Long> parse(String body, String noun) {
        return parse(body, noun, List.of()).ids();
    }

    /**
     * @param noun       what the ids name, e.g. "alert" (used in the messages)
     * @param textFields the other fields allowed, each a JSON string (or null) when given
     */
    public static IdListBody parse(String body, String noun, List<String> textFields) {
        String shape = "the body must be a JSON object {\"ids\": [" + noun + " ids]"
                + textFields.stream().map(f -> ", \"" + f + "\": text").reduce("", String::concat) + "}";
        if (body == null || body.isBlank()) {
            throw invalid(noun, List.of(shape + ", got nothing"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid(noun, List.of("unreadable JSON body: " + e.getOriginalMessage()));
        }
        if (!root.isObject()) {
            throw invalid(noun, List.of(shape + ", got " + root.getNodeType().name().toLowerCase() + " " + BodyErrors.abbreviate(root)));
        }
        List<String> errors = new ArrayList<>();
        String known = textFields.isEmpty() ? "the only field is \"ids\""
                : "the fields are \"ids\", " + String.join(", ", textFields.stream().map(f -> "\"" + f + "\"").toList());
        root.propertyNames().stream().filter(name -> !name.equals("ids") && !textFields.contains(name))
                .forEach(name -> errors.add("unknown field \"" + name + "\" (" + known + ")"));
        JsonNode ids = root.get("ids");
        if (ids == null) {
            errors.add("ids: missing; name 1 to " + MAX_IDS + " " + noun + " ids");
        } else if (!ids.isArray()) {
            errors.add("ids: expected an array of " + noun + " ids, got " + BodyErrors.abbreviate(ids));
        } else if (ids.isEmpty()) {
            errors.add("ids: empty; name 1 to " + MAX_IDS + " " + noun + " ids");
        } else if (ids.size() > MAX_IDS) {
            errors.add("ids: " + ids.size() + " ids, at most " + MAX_IDS + " per request");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : textFields) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                errors.add(field + ": expected text, got " + BodyErrors.abbreviate(value));
            } else if (value != null && !value.isNull()) {
                fields.put(field, value.asString());
            }
        }
        List<Long> result = errors.isEmpty() ? read(ids, noun, errors) : List.of();
        if (!errors.isEmpty()) {
            throw invalid(noun, errors);
        }
        return new IdListBody(result, fields);
    }

    private static List<Long> read(JsonNode ids, String noun, List<String> errors) {
        List<Long> result = new ArrayList<>();
        Map<Long, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
                errors.add("ids[" + i + "]: " + BodyErrors.abbreviate(id) + " is not " + article(noun) + " id (a whole number from 1)");
                continue;
            }
            Integer first = seenAt.putIfAbsent(id.longValue(), i);
            if (first != null) {
                errors.add("ids[" + i + "]: " + id.longValue() + " is already listed at ids[" + first + "]");
                continue;
            }
            result.add(id.longValue());
        }
        return result;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static ErrorResponseException invalid(String noun, List<String> errors) {
        return BodyErrors.invalid("Invalid " + noun + " ids", errors);
    }
}
