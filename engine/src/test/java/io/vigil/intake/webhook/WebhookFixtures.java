package io.vigil.intake.webhook;

import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The webhook payloads under src/test/resources/webhooks/, and the errors a parser gives for a body. */
final class WebhookFixtures {

    private WebhookFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture \"" + name + "\" under /webhooks/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Each reported problem as "path: message", in the order found. */
    static List<String> errors(WebhookParser parser, String body) {
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
