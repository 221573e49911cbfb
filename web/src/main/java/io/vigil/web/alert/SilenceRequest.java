package io.vigil.web.alert;

import io.vigil.alert.Matcher;
import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.web.system.BodyErrors;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/silences}: {@code {"matchers": ["resource=\"db01\"", …], "startsAt":
 * "…", "endsAt": "…", "comment": "…"}} ({@code startsAt} defaults to now). Every problem is reported
 * at once (400, each naming the field, e.g. {@code matchers[1]}); the detail is the first of them.
 */
final class SilenceRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("matchers", "startsAt", "endsAt", "comment");

    private SilenceRequest() {
    }

    /** The silence as asked, by {@code creator}, starting now unless the body says when. */
    static SilenceDefinition parse(String body, String creator, Instant now) {
        List<String> errors = new ArrayList<>();
        JsonNode root = read(body, errors);
        if (root == null) {
            throw invalid(errors);
        }
        root.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted()
                .forEach(name -> errors.add("unknown field \"" + name + "\" (the fields are matchers, startsAt, endsAt, comment)"));
        Matchers matchers = matchers(root.get("matchers"), errors);
        Instant start = root.has("startsAt") ? instant(root.get("startsAt"), "startsAt", errors) : now;
        Instant end = instant(root.get("endsAt"), "endsAt", errors);
        JsonNode comment = root.get("comment");
        String text = SilenceChecks.comment("comment", comment != null && comment.isString() ? comment.asString() : null,
                comment == null ? "nothing" : comment.isString() ? null : BodyErrors.abbreviate(comment), errors);
        SilenceDefinition definition = SilenceChecks.definition("matchers", matchers, when("startsAt", start),
                when("endsAt", end), creator, text, errors);
        if (definition == null) {
            throw invalid(errors);
        }
        return definition;
    }

    private static SilenceChecks.When when(String field, Instant at) {
        return new SilenceChecks.When(field, at, String.valueOf(at));
    }

    private static JsonNode read(String body, List<String> errors) {
        if (body == null || body.isBlank()) {
            errors.add("the body must be a JSON object {\"matchers\": [...], \"endsAt\": time, \"comment\": text}, got nothing");
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (!root.isObject()) {
                errors.add("the body must be a JSON object {\"matchers\": [...], \"endsAt\": time, \"comment\": text}");
                return null;
            }
            return root;
        } catch (JacksonException e) {
            errors.add("unreadable JSON body: " + e.getOriginalMessage());
            return null;
        }
    }

    private static Matchers matchers(JsonNode node, List<String> errors) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > SilenceChecks.MAX_MATCHERS) {
            errors.add("matchers: expected 1 to " + SilenceChecks.MAX_MATCHERS + " matchers such as \"resource=\\\"db01\\\"\"" +
                    (node == null ? ", got nothing" : ", got " + BodyErrors.abbreviate(node)));
            return null;
        }
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString()) {
                errors.add("matchers[" + i + "]: expected text, got " + BodyErrors.abbreviate(item));
                continue;
            }
            Matcher matcher = SilenceChecks.matcher("matchers[" + i + "]", item.asString(), errors);
            if (matcher != null) {
                matchers.add(matcher);
            }
        }
        return matchers.size() == node.size() ? new Matchers(matchers) : null;
    }

    private static Instant instant(JsonNode node, String field, List<String> errors) {
        if (node == null || !node.isString()) {
            errors.add(field + ": expected an ISO-8601 time such as 2026-12-01T22:00:00Z"
                    + (node == null ? ", got nothing" : ", got " + BodyErrors.abbreviate(node)));
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString().trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field + ": \"" + node.asString() + "\" is not an ISO-8601 time such as 2026-12-01T22:00:00Z");
            return null;
        }
    }

    private static ErrorResponseException invalid(List<String> errors) {
        return BodyErrors.invalid("Invalid silence", errors);
    }
}
