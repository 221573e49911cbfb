package io.vigil.intake.webhook;

import io.vigil.intake.http.EventLimits;
import io.vigil.model.EventDraft;
import io.vigil.model.Status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one alert of a webhook payload and maps it to an event (the mapping is tabled in the
 * README, section Webhooks). The {@code fingerprint} attribute is the sender's identity of the
 * alert, which the alert rules deduplicate by; the {@code location} label names a monitoring
 * location and becomes the event's source.
 */
final class AlertReader {

    static final String FIRING = "firing";
    static final String RESOLVED = "resolved";
    static final String ALERTNAME = "alertname";
    static final String LOCATION = "location";

    private final WebhookFormat format;
    private final Instant receivedAt;
    private final Map<String, String> payloadAttributes;

    /** @param payloadAttributes the payload's fields every event of it keeps (receiver, groupKey, …) */
    AlertReader(WebhookFormat format, Instant receivedAt, Map<String, String> payloadAttributes) {
        this.format = format;
        this.receivedAt = receivedAt;
        this.payloadAttributes = payloadAttributes;
    }

    /** The alert's event; null when something was wrong with it (and then reported). */
    EventDraft read(ObjectFields alert, String raw) {
        String status = alert.oneOf("status", true, FIRING, RESOLVED);
        Map<String, String> labels = alert.strings("labels", true);
        Map<String, String> annotations = alert.strings("annotations", false);
        SentTime startsAt = alert.time("startsAt");
        SentTime endsAt = alert.time("endsAt");
        Map<String, String> fields = new LinkedHashMap<>(payloadAttributes);
        fields.put("fingerprint", alert.requiredText("fingerprint"));
        fields.put("generatorURL", nonEmpty(alert.optionalString("generatorURL")));
        fields.put("startsAt", startsAt != null && startsAt.isSet() ? startsAt.text() : null);
        fields.put("endsAt", endsAt != null && endsAt.isSet() ? endsAt.text() : null);
        fields.putAll(format.extraFields().alertAttributes(alert));
        if (labels == null || annotations == null) {
            return null;
        }
        String check = alertname(alert, labels);
        String source = name(alert, labels, LOCATION);
        String resource = name(alert, labels, "instance", "job", ALERTNAME);
        String message = message(alert, annotations, check);
        AlertAttributes attributes = new AlertAttributes(alert);
        attributes.putFields(fields);
        attributes.putAnnotations(annotations);
        attributes.putLabels(labels);
        Map<String, String> kept = attributes.complete();
        if (alert.reported()) {
            return null;
        }
        boolean firing = FIRING.equals(status);
        SentTime when = firing ? startsAt : endsAt;
        return new EventDraft(receivedAt, when.isSet() ? when.at() : receivedAt, format.transport(),
                source == null ? format.transport() : source, resource, check,
                firing ? SeverityLabel.statusOf(labels.get(SeverityLabel.NAME)) : Status.NORMAL, null, message, kept, raw);
    }

    private static String alertname(ObjectFields alert, Map<String, String> labels) {
        String name = labels.get(ALERTNAME);
        if (name == null) {
            alert.report("labels." + ALERTNAME, (String) null, "required label is missing");
            return null;
        }
        if (name.isBlank()) {
            alert.report("labels." + ALERTNAME, name, "must not be blank");
            return null;
        }
        return name(alert, labels, ALERTNAME);
    }

    /** The first of the labels that is set (not blank, as Prometheus counts an empty label as unset), as an event name. */
    private static String name(ObjectFields alert, Map<String, String> labels, String... names) {
        for (String label : names) {
            String value = labels.get(label);
            if (value != null && !value.isBlank()) {
                return checkedLength(alert, "labels." + label, value, EventLimits.MAX_NAME_CHARS);
            }
        }
        return null;
    }

    /** The summary, else the description, else the alert's name. */
    private static String message(ObjectFields alert, Map<String, String> annotations, String alertname) {
        for (String annotation : new String[] {"summary", "description"}) {
            String text = annotations.get(annotation);
            if (text != null && !text.isBlank()) {
                return checkedLength(alert, "annotations." + annotation, text, EventLimits.MAX_MESSAGE_CHARS);
            }
        }
        return alertname;
    }

    private static String checkedLength(ObjectFields alert, String field, String value, int maxChars) {
        if (value.length() > maxChars) {
            alert.report(field, value, "too long: " + value.length() + " characters (at most " + maxChars + ")");
            return null;
        }
        return value;
    }

    private static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
