package io.vigil.model;

import java.time.Instant;
import java.util.Map;

/**
 * A validated event that has not been journaled yet (it has no id). Intake (REST, syslog,
 * webhooks) produces drafts; the journal gives them ids and makes them durable.
 *
 * @param transport how it arrived: "rest", "syslog-udp", "syslog-tcp", "alertmanager", "grafana"
 * @param status    as received, or null
 * @param severity  syslog severity as received, or null
 * @param raw       the text as received (syslog line, posted JSON object), for the audit chain
 */
public record EventDraft(Instant receivedAt, Instant occurredAt, String transport, String source,
                         String resource, String check, Status status, Severity severity,
                         String message, Map<String, String> attributes, String raw) {

    public EventDraft {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
