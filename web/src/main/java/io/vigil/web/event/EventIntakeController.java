package io.vigil.web.event;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vigil.intake.http.EventJsonParser;
import io.vigil.web.intake.IntakeEndpoint;
import io.vigil.web.intake.JournaledIntake;
import io.vigil.web.intake.JournaledIntake.Accepted;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.io.IOException;

/**
 * {@code POST /api/v1/events}: one event object or an array of them, answered once they are
 * committed to the journal (see {@link JournaledIntake} for what each answer means).
 */
@IntakeEndpoint
class EventIntakeController {

    static final String TRANSPORT = "rest";

    private final EventJsonParser parser;
    private final JournaledIntake intake;

    EventIntakeController(EventJsonParser parser, JournaledIntake intake) {
        this.parser = parser;
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/events", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @ApiResponse(responseCode = "202", description = "stored: the events' ids, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Accepted.class)))
    Object post(HttpServletRequest request,
            @RequestHeader(name = JournaledIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return intake.accept(request, idempotencyKey, body -> parser.parseBody(body, TRANSPORT));
    }
}
