package io.vigil.journal;

import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.time.Instant;
import java.util.Map;

/** Small event drafts for journal tests. */
final class Drafts {

    static final Instant RECEIVED = Instant.parse("2026-11-21T10:15:30.123Z");

    private Drafts() {
    }

    static EventDraft draft(String resource) {
        return new EventDraft(RECEIVED, RECEIVED.minusSeconds(5), "rest", "nagios", resource, "cpu", Status.WARNING,
                Severity.WARNING, "cpu at 91% on " + resource, Map.of("site", "ams"), "{\"resource\":\"" + resource + "\"}");
    }
}
