package io.vigil.intake.webhook;

/**
 * One sender's webhook payload: Alertmanager's shape, which every sender shares, under the
 * sender's name and version, with the fields the sender adds.
 *
 * @param transport recorded as every event's transport, and its source when the alert names no location
 * @param version   the only {@code version} accepted
 */
record WebhookFormat(String transport, String version, ExtraFields extraFields) {

    /** Prometheus Alertmanager's webhook_config payload. */
    static final WebhookFormat ALERTMANAGER = new WebhookFormat("alertmanager", "4", ExtraFields.NONE);

    /** Grafana unified alerting's webhook contact point payload. */
    static final WebhookFormat GRAFANA = new WebhookFormat("grafana", "1", new GrafanaFields());
}
