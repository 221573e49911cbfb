package io.vigil.web.rule;

import io.vigil.web.system.BodyErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A proposed rule set as the API takes it: {@code {"message": "…", "base": "<version>", "files":
 * {"rules/classify/event-category.drl": "<DRL>", "rules/old.drl": null}}}. {@code files} replace
 * or add to the base version's files, {@code null} removes one; without {@code base} the active
 * version is the base. A DRL path may leave out its {@code rules/} folder
 * ({@code classify/event-category.drl}).
 *
 * @param changes path to new source, or to null for a removal, in the order given
 */
record RuleSetDraft(String message, String base, Map<String, String> changes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("message", "base", "files");
    private static final String SHAPE = "a JSON object {\"message\": text, \"base\": version, \"files\": {path: text or null}}";

    /** @throws ResponseStatusException 400 naming what is wrong with the body */
    static RuleSetDraft parse(String body) {
        if (body == null || body.isBlank()) {
            throw bad("the body is empty: expected " + SHAPE);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("unreadable JSON body: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw bad("expected " + SHAPE + ", got " + BodyErrors.abbreviate(root));
        }
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw bad("unknown field \"" + name + "\": expected " + SHAPE);
            }
        }
        JsonNode files = root.path("files");
        if (!files.isObject()) {
            throw bad("\"files\" must be an object of path to DRL text (or null to remove a file), got "
                    + (files.isMissingNode() ? "nothing" : BodyErrors.abbreviate(files)));
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (String path : files.propertyNames()) {
            JsonNode source = files.get(path);
            if (!source.isString() && !source.isNull()) {
                throw bad("file \"" + path + "\" must be text (or null to remove it), got " + BodyErrors.abbreviate(source));
            }
            changes.put(path, source.isNull() ? null : source.asString());
        }
        return new RuleSetDraft(text(root, "message"), text(root, "base"), changes);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw bad("\"" + field + "\" must be text, got " + BodyErrors.abbreviate(value));
        }
        return value.asString();
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
