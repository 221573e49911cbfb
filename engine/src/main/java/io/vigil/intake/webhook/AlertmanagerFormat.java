package io.vigil.intake.webhook;

import java.util.Map;

/** Prometheus Alertmanager's webhook payload, version "4": the shape every format starts from, with nothing added. */
final class AlertmanagerFormat implements WebhookFormat {

    @Override
    public String transport() {
        return "alertmanager";
    }

    @Override
    public String version() {
        return "4";
    }

    @Override
    public Map<String, String> payloadAttributes(ObjectFields payload) {
        return Map.of();
    }

    @Override
    public Map<String, String> alertAttributes(ObjectFields alert) {
        return Map.of();
    }
}
