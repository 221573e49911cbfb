package io.vigil.web.rule;

import io.vigil.web.system.BodyErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The part of the journal a backtest runs over, as asked: {@code {"from": "2026-11-26T00:00:00Z",
 * "to": "2026-11-27T00:00:00Z"}} (events that occurred in [from, to)) or {@code {"fromId": 1,
 * "toId": 50000}} (journal ids, both included). Exactly one of the two forms.
 *
 * @param from null for an id range
 */
record BacktestRange(Instant from, Instant to, long fromId, long toId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHAPE = "{\"from\": ISO-8601, \"to\": ISO-8601} or {\"fromId\": n, \"toId\": n}";

    boolean byTime() {
        return from != null;
    }

    /** How the range reads in lists: "occurred 2026-11-26T00:00:00Z..2026-11-27T00:00:00Z" or "events 1..50000". */
    String text() {
        return byTime() ? "occurred " + from + ".." + to : "events " + fromId + ".." + toId;
    }

    static BacktestRange parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("unreadable JSON body: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("a backtest needs its range: " + SHAPE);
        }
        for (String name : root.propertyNames()) {
            if (!Set.of("from", "to", "fromId", "toId").contains(name)) {
                throw bad("unknown field \"" + name + "\": a backtest takes " + SHAPE);
            }
        }
        boolean time = root.has("from") || root.has("to");
        boolean ids = root.has("fromId") || root.has("toId");
        if (time == ids) {
            throw bad("give either from and to, or fromId and toId: " + SHAPE);
        }
        if (time) {
            Instant from = instant(root, "from");
            Instant to = instant(root, "to");
            if (!from.isBefore(to)) {
                throw bad("\"from\" " + from + " must be before \"to\" " + to);
            }
            return new BacktestRange(from, to, 0, 0);
        }
        long fromId = id(root, "fromId");
        long toId = id(root, "toId");
        if (fromId > toId) {
            throw bad("\"fromId\" " + fromId + " is after \"toId\" " + toId);
        }
        return new BacktestRange(null, null, fromId, toId);
    }

    private static Instant instant(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString()) {
            throw bad("\"" + field + "\" must be an ISO-8601 time with offset, got "
                    + (value == null ? "nothing" : BodyErrors.abbreviate(value)));
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw bad("\"" + field + "\" \"" + value.asString() + "\" is not an ISO-8601 time with offset, e.g."
                    + " 2026-11-26T00:00:00Z");
        }
    }

    private static long id(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw bad("\"" + field + "\" must be a journal id (a whole number from 1), got "
                    + (value == null ? "nothing" : BodyErrors.abbreviate(value)));
        }
        return value.asLong();
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
