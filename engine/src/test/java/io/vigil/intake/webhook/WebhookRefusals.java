package io.vigil.intake.webhook;

import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a webhook parser says when it refuses a body. */
final class WebhookRefusals {

    private WebhookRefusals() {
    }

    /** Each reported problem as "path: message", in the order found. */
    static List<String> errors(WebhookParser parser, String body) {
        return errors(parser, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> errors(WebhookParser parser, byte[] body) {
        return refusal(parser, body).getErrors().stream().map(FieldError::describe).toList();
    }

    static EventValidationException refusal(WebhookParser parser, String body) {
        return refusal(parser, body.getBytes(StandardCharsets.UTF_8));
    }

    static EventValidationException refusal(WebhookParser parser, byte[] body) {
        EventValidationException refused = catchThrowableOfType(EventValidationException.class, () -> parser.parse(body));
        if (refused == null) {
            throw new AssertionError("the parser accepted the body");
        }
        return refused;
    }
}
