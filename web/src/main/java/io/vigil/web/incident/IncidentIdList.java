package io.vigil.web.incident;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a bulk step, {@code {"ids": [4, 7, 9]}}: 1 to {@value #MAX_IDS} distinct
 * incident ids and nothing else. Every problem is reported at once (400, each naming
 * {@code ids[i]} and quoting the value as sent); the detail is the first of them.
 */
final class IncidentIdList {

    /** Enough for any page of the console; a bigger clean-up is several requests. */
    static final int MAX_IDS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHAPE = "the body must be a JSON object {\"ids\": [incident ids]}";

    private IncidentIdList() {
    }

    static List<Long> parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid(List.of(SHAPE + ", got nothing"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid(List.of("unreadable JSON body: " + e.getOriginalMessage()));
        }
        if (!root.isObject()) {
            throw invalid(List.of(SHAPE + ", got " + root.getNodeType().name().toLowerCase() + " " + abbreviate(root)));
        }
        List<String> errors = new ArrayList<>();
        root.propertyNames().stream().filter(name -> !name.equals("ids"))
                .forEach(name -> errors.add("unknown field \"" + name + "\" (the only field is \"ids\")"));
        JsonNode ids = root.get("ids");
        if (ids == null) {
            errors.add("ids: missing; name 1 to " + MAX_IDS + " incident ids");
        } else if (!ids.isArray()) {
            errors.add("ids: expected an array of incident ids, got " + abbreviate(ids));
        } else if (ids.isEmpty()) {
            errors.add("ids: empty; name 1 to " + MAX_IDS + " incident ids");
        } else if (ids.size() > MAX_IDS) {
            errors.add("ids: " + ids.size() + " ids, at most " + MAX_IDS + " per request");
        }
        List<Long> result = errors.isEmpty() ? read(ids, errors) : List.of();
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return result;
    }

    private static List<Long> read(JsonNode ids, List<String> errors) {
        List<Long> result = new ArrayList<>();
        Map<Long, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
                errors.add("ids[" + i + "]: " + abbreviate(id) + " is not an incident id (a whole number from 1)");
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

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ErrorResponseException invalid(List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.get(0));
        problem.setTitle("Invalid incident ids");
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
