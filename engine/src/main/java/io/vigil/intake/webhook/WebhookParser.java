package io.vigil.intake.webhook;

import io.vigil.intake.http.EventLimits;
import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldErrors;
import io.vigil.model.EventDraft;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an alerting webhook's body (Alertmanager's or Grafana's, unchanged) into one event per
 * alert, all or nothing, like a batch of posted events: any problem refuses the whole payload with
 * an {@link EventValidationException} naming each bad field by its JSON path
 * ({@code alerts[2].status}) with the value sent.
 *
 * <p>Strict about the fields it knows (types, values, timestamps, limits), and liberal about fields
 * it does not: unlike our own API, these payloads grow new fields with the senders' versions, and a
 * newer Alertmanager must not be refused for that. The {@code version} field guards the shape.
 * Thread-safe.
 */
public final class WebhookParser {

    static final int MAX_REPORTED_ERRORS = 100;

    private final Clock clock;
    private final EventLimits limits;
    private final WebhookFormat format;

    private WebhookParser(Clock clock, EventLimits limits, WebhookFormat format) {
        this.clock = clock;
        this.limits = limits;
        this.format = format;
    }

    /** Prometheus Alertmanager's webhook_config payload, version "4"; transport "alertmanager". */
    public static WebhookParser alertmanager(Clock clock, EventLimits limits) {
        return new WebhookParser(clock, limits, WebhookFormat.ALERTMANAGER);
    }

    /** Grafana unified alerting's webhook contact point payload, version "1"; transport "grafana". */
    public static WebhookParser grafana(Clock clock, EventLimits limits) {
        return new WebhookParser(clock, limits, WebhookFormat.GRAFANA);
    }

    /** @throws EventValidationException naming each bad field by its path, with the value sent */
    public List<EventDraft> parse(byte[] body) {
        WebhookBody sent = WebhookBodyReader.read(body);
        FieldErrors errors = new FieldErrors(MAX_REPORTED_ERRORS);
        ObjectFields payload = new ObjectFields(sent.payload(), "", errors);
        payload.oneOf("version", true, format.version());
        payload.oneOf("status", true, AlertReader.FIRING, AlertReader.RESOLVED);
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("receiver", payload.requiredString("receiver"));
        kept.put("groupKey", payload.requiredString("groupKey"));
        payload.wholeNumber("truncatedAlerts", false, 0);
        payload.strings("groupLabels", false);
        payload.strings("commonLabels", false);
        payload.strings("commonAnnotations", false);
        payload.optionalString("externalURL");
        kept.putAll(format.extraFields().payloadAttributes(payload));
        List<EventDraft> drafts = readAlerts(payload, sent.alertTexts(), new AlertReader(format, clock.instant(), kept), errors);
        errors.throwIfAny();
        return drafts;
    }

    private List<EventDraft> readAlerts(ObjectFields payload, List<String> texts, AlertReader reader, FieldErrors errors) {
        String name = WebhookBodyReader.ALERTS;
        JsonNode alerts = payload.get(name);
        if (alerts == null || !alerts.isArray()) {
            payload.report(name, alerts, alerts == null ? "required field is missing"
                    : "expected an array of alerts, got " + ObjectFields.describe(alerts));
            return List.of();
        }
        if (alerts.isEmpty()) {
            payload.report(name, alerts, "expected at least one alert");
            return List.of();
        }
        if (alerts.size() > limits.maxEventsPerRequest()) {
            payload.report(name, (String) null, "too many alerts: " + alerts.size() + " (at most " + limits.maxEventsPerRequest()
                    + " per request; set max_alerts in the sender's webhook configuration)");
            return List.of();
        }
        List<EventDraft> drafts = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            String path = name + "[" + i + "]";
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                payload.report(path, alert, "expected an alert object, got " + ObjectFields.describe(alert));
                continue;
            }
            String raw = texts.get(i);
            int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxEventBytes()) {
                errors.addTooLarge(-1, path, "alert of " + bytes + " bytes is over the limit of " + limits.maxEventBytes()
                        + " bytes per event (its JSON text, whitespace included, is stored as sent)");
            }
            EventDraft draft = reader.read(new ObjectFields(alert, path, errors), raw);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        return drafts;
    }
}
