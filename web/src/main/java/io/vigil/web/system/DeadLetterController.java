package io.vigil.web.system;

import io.vigil.store.DeadLetterRow;
import io.vigil.store.JdbcDeadLetterStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Input that could not become an event (ADMIN), newest first, with the reason and the bytes received. */
@RestController
class DeadLetterController {

    private final JdbcDeadLetterStore deadLetters;

    DeadLetterController(JdbcDeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @param raw       the bytes as text (invalid UTF-8 replaced), for reading
     * @param rawBase64 the exact bytes
     */
    record DeadLetterView(long id, Instant receivedAt, String transport, String peer, String reason, String raw,
                          String rawBase64) {

        static DeadLetterView of(DeadLetterRow row) {
            return new DeadLetterView(row.id(), row.receivedAt(), row.transport(), row.peer(), row.reason(),
                    new String(row.raw(), StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(row.raw()));
        }
    }

    record DeadLetters(long recordedSinceStart, List<DeadLetterView> deadLetters) {
    }

    @GetMapping("/api/v1/dead-letters")
    DeadLetters list(@RequestParam(defaultValue = "100") int limit) {
        List<DeadLetterView> rows = deadLetters.latest(RequestParams.limit(limit)).stream().map(DeadLetterView::of).toList();
        return new DeadLetters(deadLetters.count(), rows);
    }
}
