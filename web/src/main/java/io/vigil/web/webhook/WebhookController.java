package io.vigil.web.webhook;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.intake.webhook.WebhookParser;
import io.vigil.web.intake.IntakeEndpoint;
import io.vigil.web.intake.JournaledIntake;
import io.vigil.web.intake.JournaledIntake.Accepted;
import io.vigil.web.system.VigilProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.io.IOException;
import java.time.Clock;

/**
 * Alerting tools' webhooks, taken as they send them: {@code POST /api/v1/webhooks/alertmanager}
 * (Prometheus Alertmanager's webhook_config) and {@code POST /api/v1/webhooks/grafana} (a Grafana
 * webhook contact point). Each alert becomes one event; the answer comes once all of them are
 * journaled, exactly as for {@code POST /api/v1/events}, so a 5xx makes the sender retry and a 2xx
 * means stored.
 */
@IntakeEndpoint
class WebhookController {

    private final WebhookParser alertmanager;
    private final WebhookParser grafana;
    private final JournaledIntake intake;

    WebhookController(Clock clock, VigilProperties properties, JournaledIntake intake) {
        this.alertmanager = WebhookParser.alertmanager(clock, properties.intake().eventLimits());
        this.grafana = WebhookParser.grafana(clock, properties.intake().eventLimits());
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/webhooks/alertmanager", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @ApiResponse(responseCode = "202", description = "stored: the events' ids, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Accepted.class)))
    Object alertmanager(HttpServletRequest request,
            @RequestHeader(name = JournaledIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return intake.accept(request, idempotencyKey, alertmanager::parse);
    }

    @PostMapping(path = "/api/v1/webhooks/grafana", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @ApiResponse(responseCode = "202", description = "stored: the events' ids, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Accepted.class)))
    Object grafana(HttpServletRequest request,
            @RequestHeader(name = JournaledIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return intake.accept(request, idempotencyKey, grafana::parse);
    }
}
