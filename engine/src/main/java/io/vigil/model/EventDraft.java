package io.vigil.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A validated event that has not been journaled yet (it has no id). Intake (REST, syslog,
 * webhooks) produces drafts; the journal gives them ids and makes them durable.
 *
 * @param transport how it arrived: "rest", "syslog-udp", "syslog-tcp", "alertmanager", "grafana"
 * @param status    as received, or null
 * @param severity  syslog severity as received, or null
 * @param raw       the text as received (syslog line, posted JSON object), for the audit chain
 * @param rawBytes  the bytes as received when they are not valid UTF-8 (then {@code raw} holds them
 *                  decoded with U+FFFD for what could not be read), so that nothing received is
 *                  lost; null when {@code raw} is exactly what was received
 */
public record EventDraft(Instant receivedAt, Instant occurredAt, String transport, String source,
                         String resource, String check, Status status, Severity severity,
                         String message, Map<String, String> attributes, String raw, byte[] rawBytes) {

    public EventDraft {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An event whose raw text is exactly what was received. */
    public EventDraft(Instant receivedAt, Instant occurredAt, String transport, String source, String resource,
                      String check, Status status, Severity severity, String message, Map<String, String> attributes,
                      String raw) {
        this(receivedAt, occurredAt, transport, source, resource, check, status, severity, message, attributes, raw, null);
    }

    // Compared by content: the generated methods would compare rawBytes by identity.
    @Override
    public boolean equals(Object other) {
        return other instanceof EventDraft that && Objects.equals(receivedAt, that.receivedAt)
                && Objects.equals(occurredAt, that.occurredAt) && Objects.equals(transport, that.transport)
                && Objects.equals(source, that.source) && Objects.equals(resource, that.resource)
                && Objects.equals(check, that.check) && status == that.status && severity == that.severity
                && Objects.equals(message, that.message) && attributes.equals(that.attributes)
                && Objects.equals(raw, that.raw) && Arrays.equals(rawBytes, that.rawBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receivedAt, occurredAt, transport, source, resource, check, status, severity, message,
                attributes, raw) * 31 + Arrays.hashCode(rawBytes);
    }

    @Override
    public String toString() {
        return "EventDraft[receivedAt=" + receivedAt + ", occurredAt=" + occurredAt + ", transport=" + transport
                + ", source=" + source + ", resource=" + resource + ", check=" + check + ", status=" + status
                + ", severity=" + severity + ", message=" + message + ", attributes=" + attributes + ", raw=" + raw
                + (rawBytes == null ? "" : ", rawBytes=" + rawBytes.length + " bytes") + "]";
    }
}
