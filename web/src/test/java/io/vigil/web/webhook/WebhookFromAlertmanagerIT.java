package io.vigil.web.webhook;

import io.vigil.store.access.Role;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.webhook.JournaledEvents.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Alertmanager sends its webhook to the server: an alert posted to Alertmanager's API as
 * Prometheus would arrives as a journaled event, first firing, then resolved.
 */
class WebhookFromAlertmanagerIT extends ServerTestSupport {

    private static final String ALERTNAME = "VigilWebhookProbe";
    private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final JournaledEvents journal = new JournaledEvents(database().dataSource());

    @Test
    void shouldJournalTheFiringAndTheResolvedNotification() throws Exception {
        String token = token(Role.INTEGRATOR).header().substring("Bearer ".length());
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(dir,
                "http://127.0.0.1:" + port + "/api/v1/webhooks/alertmanager", token)) {
            alertmanager.postAlerts(alert(startsAt, startsAt.plus(1, ChronoUnit.HOURS)));
            Row firing = notification(alertmanager, "firing", "CRITICAL");

            assertThat(firing.source()).isEqualTo("lab-1");
            assertThat(firing.resource()).isEqualTo("web01:9100");
            assertThat(firing.message()).isEqualTo("web01 does not answer");
            assertThat(firing.occurredAt()).isEqualTo(startsAt);
            assertThat(firing.attributes().get("fingerprint")).matches("[0-9a-f]{16}");
            assertThat(firing.attributes()).containsEntry("location", "lab-1").containsEntry("severity", "critical")
                    .containsEntry("receiver", AlertmanagerProcess.RECEIVER)
                    .containsEntry("groupKey", "{}:{alertname=\"" + ALERTNAME + "\"}")
                    .containsEntry("annotation.summary", "web01 does not answer")
                    .containsEntry("generatorURL", "http://prometheus.example.org/graph");
            assertThat(firing.raw()).contains("\"status\":\"firing\"");

            Instant endsAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            alertmanager.postAlerts(alert(startsAt, endsAt));
            Row resolved = notification(alertmanager, "resolved", "NORMAL");

            assertThat(resolved.occurredAt()).isEqualTo(endsAt);
            assertThat(resolved.attributes()).containsEntry("fingerprint", firing.attributes().get("fingerprint"));
            assertThat(Instant.parse(resolved.attributes().get("endsAt"))).isEqualTo(endsAt);
            assertThat(resolved.raw()).contains("\"status\":\"resolved\"");
        }
    }

    /** One alert as Prometheus posts it: with labels, an annotation, its start and when it ends unless renewed. */
    private static String alert(Instant startsAt, Instant endsAt) {
        return """
                [{"labels": {"alertname": "%s", "instance": "web01:9100", "job": "node", "severity": "critical",
                             "location": "lab-1"},
                  "annotations": {"summary": "web01 does not answer"},
                  "startsAt": "%s", "endsAt": "%s", "generatorURL": "http://prometheus.example.org/graph"}]
                """.formatted(ALERTNAME, startsAt, endsAt);
    }

    /** The first journaled event of the alert with {@code status}, waited for. */
    private Row notification(AlertmanagerProcess alertmanager, String what, String status) {
        try {
            return Eventually.await("the " + what + " notification", NOTIFICATION_TIMEOUT, () ->
                    journal.ofCheck("alertmanager", ALERTNAME).stream().filter(row -> row.status().equals(status)).findFirst());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; Alertmanager's log ends:\n" + alertmanager.logTail(), e);
        }
    }
}
