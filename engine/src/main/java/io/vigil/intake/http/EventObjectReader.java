package io.vigil.intake.http;

import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads and validates the event objects of one request body, reporting problems to its {@link FieldErrors}. */
final class EventObjectReader {

    private static final List<String> FIELDS =
            List.of("source", "resource", "check", "status", "severity", "message", "occurredAt", "attributes");
    private static final String UNKNOWN_FIELD =
            "unknown field (expected source, resource, check, status, severity, message, occurredAt or attributes)";
    private static final String DEFAULT_CHECK = "event";

    private final byte[] body;
    private final Instant receivedAt;
    private final String transport;
    private final EventLimits limits;
    private final FieldErrors errors;

    EventObjectReader(byte[] body, Instant receivedAt, String transport, EventLimits limits, FieldErrors errors) {
        this.body = body;
        this.receivedAt = receivedAt;
        this.transport = transport;
        this.limits = limits;
        this.errors = errors;
    }

    byte[] body() {
        return body;
    }

    /**
     * Reads the object that starts at the parser's current START_OBJECT and, while the request
     * is still free of errors, adds its draft to {@code drafts}.
     */
    void read(JsonParser json, int index, List<EventDraft> drafts) {
        int start = (int) json.currentTokenLocation().getByteOffset();
        EventFieldReader fields = new EventFieldReader(json, index, body, errors);
        int seen = 0;
        String source = null, resource = null, check = null, message = null;
        Status status = null;
        Severity severity = null;
        Instant occurredAt = null;
        Map<String, String> attributes = null;
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            JsonToken token = json.nextToken();
            int known = FIELDS.indexOf(name);
            int bit = known < 0 ? 0 : 1 << known;
            if (bit == 0 || (seen & bit) != 0) {
                String value = JsonValues.asSent(json, token, body);
                errors.add(index, name, value, bit == 0 ? UNKNOWN_FIELD : "duplicate field");
                continue;
            }
            seen |= bit;
            switch (name) {
                case "source" -> source = fields.requiredName(token, name);
                case "resource" -> resource = fields.requiredName(token, name);
                case "check" -> check = fields.optionalName(token, name);
                case "status" -> status = fields.status(token);
                case "severity" -> severity = fields.severity(token);
                case "message" -> message = fields.message(token);
                case "occurredAt" -> occurredAt = fields.timestamp(token, name);
                default -> attributes = fields.attributes(token);
            }
        }
        requirePresent(seen, "source", index);
        requirePresent(seen, "resource", index);
        int end = (int) json.currentLocation().getByteOffset();
        if (end - start > limits.maxEventBytes()) {
            errors.addTooLarge(index, null, "event of " + (end - start) + " bytes is over the limit of " + limits.maxEventBytes()
                    + " bytes per event (its JSON text, whitespace included, is stored as sent)");
        }
        if (errors.total() == 0) {
            String raw = new String(body, start, end - start, StandardCharsets.UTF_8);
            drafts.add(new EventDraft(receivedAt, occurredAt == null ? receivedAt : occurredAt, transport, source,
                    resource, check == null ? DEFAULT_CHECK : check, status, severity, message, attributes, raw));
        }
    }

    private void requirePresent(int seen, String field, int index) {
        if ((seen & 1 << FIELDS.indexOf(field)) == 0) {
            errors.add(index, field, null, "required field is missing");
        }
    }
}
