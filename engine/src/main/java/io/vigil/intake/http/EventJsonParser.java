package io.vigil.intake.http;

import io.vigil.model.EventDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a posted body (one event object, or an array of them) into validated drafts, all or
 * nothing: any problem refuses the whole request with an {@link EventValidationException} that
 * lists every problem found (up to {@value #MAX_REPORTED_ERRORS}).
 *
 * <p>Strict on purpose: unknown fields are refused by name rather than ignored, so a typo such
 * as {@code "serverity"} fails loudly instead of silently dropping data; the same policy as our
 * configuration files. Later API versions can add fields without breaking anyone.
 *
 * <p>The body is read once with Jackson's streaming parser (no tree), which keeps a 10,000-event
 * request cheap; {@code raw} is the object's exact bytes sliced from the body. Thread-safe.
 */
public final class EventJsonParser {

    static final int MAX_REPORTED_ERRORS = 100;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Clock clock;
    private final EventLimits limits;

    public EventJsonParser(Clock clock, EventLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param transport recorded on every draft ("rest", "replay")
     * @throws EventValidationException naming each bad field with its index and value
     */
    public List<EventDraft> parseBody(byte[] body, String transport) {
        JsonBodyProblems.requireUtf8Text(body);
        FieldErrors errors = new FieldErrors(MAX_REPORTED_ERRORS);
        EventObjectReader reader = new EventObjectReader(body, clock.instant(), transport, limits, errors);
        List<EventDraft> drafts;
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), body)) {
            drafts = readDocument(json, reader, errors);
            if (json.nextToken() != null) {
                throw JsonBodyProblems.malformed(json.currentTokenLocation(), "unexpected content after the end of the JSON value");
            }
        } catch (JacksonException e) {
            throw JsonBodyProblems.malformed(e.getLocation(), e.getOriginalMessage());
        }
        errors.throwIfAny();
        return drafts;
    }

    private List<EventDraft> readDocument(JsonParser json, EventObjectReader reader, FieldErrors errors) {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw new EventValidationException(FieldError.ofBody("empty body: expected a JSON object or an array of objects"));
        }
        if (first == JsonToken.START_OBJECT) {
            List<EventDraft> single = new ArrayList<>(1);
            reader.read(json, -1, single);
            return single;
        }
        if (first == JsonToken.START_ARRAY) {
            return readArray(json, reader, errors);
        }
        String value = JsonValues.asSent(json, first, reader.body());
        throw new EventValidationException(FieldError.ofBody(
                "expected a JSON object or an array of objects, got " + JsonValues.describe(first, value)));
    }

    private List<EventDraft> readArray(JsonParser json, EventObjectReader reader, FieldErrors errors) {
        int max = limits.maxEventsPerRequest();
        List<EventDraft> drafts = new ArrayList<>(Math.min(max, 1024));
        int count = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken(), count++) {
            if (count >= max) {
                // Over the limit: only count the rest, so the error can say how many were sent.
                json.skipChildren();
            } else if (token == JsonToken.START_OBJECT) {
                reader.read(json, count, drafts);
            } else {
                String value = JsonValues.asSent(json, token, reader.body());
                errors.add(count, null, value, "expected a JSON object, got " + JsonValues.describe(token, value));
            }
        }
        if (count == 0) {
            throw new EventValidationException(FieldError.ofBody("empty array: expected at least one event"));
        }
        if (count > max) {
            throw new EventValidationException(FieldError.ofBody(
                    "too many events: " + count + " (at most " + max + " per request)"));
        }
        return drafts;
    }
}
