package io.vigil.web.event;

import io.vigil.intake.http.EventJsonParser;
import io.vigil.web.intake.IntakeEndpoint;
import io.vigil.web.intake.JournaledIntake;
import io.vigil.web.intake.JournaledIntake.Accepted;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

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
    CompletableFuture<ResponseEntity<Accepted>> post(HttpServletRequest request,
            @RequestHeader(name = JournaledIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return intake.accept(request, idempotencyKey, body -> parser.parseBody(body, TRANSPORT));
    }
}
