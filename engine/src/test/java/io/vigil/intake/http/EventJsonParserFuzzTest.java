package io.vigil.intake.http;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.intake.StorableEvent;
import io.vigil.model.EventDraft;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the REST body parser (Jazzer). {@code mvn verify} replays the inputs
 * under {@code EventJsonParserFuzzTestInputs/parseBody}; {@code -Pfuzz} generates new ones.
 * Contract: the parser either accepts the body, with every event storable and within the limits,
 * or refuses it with its own {@link EventValidationException} naming at least one problem; it
 * never throws anything else and never takes long (the per-input timeout the build sets:
 * libFuzzer's while fuzzing, JUnit's while replaying).
 */
class EventJsonParserFuzzTest {

    /** The smallest per-event limit, so that refusing an event as too large is within the fuzzer's reach. */
    private static final EventLimits LIMITS = new EventLimits(100, EventLimits.MIN_EVENT_BYTES);
    private static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");

    private final EventJsonParser parser = new EventJsonParser(Clock.fixed(NOW, ZoneOffset.UTC), LIMITS);

    /** The event's vocabulary, and escapes and byte sequences that are hard to hit by chance. */
    @DictionaryFile(resourcePath = "event-json.dict")
    @FuzzTest(maxDuration = "60s")
    void parseBody(byte[] body) {
        List<EventDraft> drafts;
        try {
            drafts = parser.parseBody(body, "rest");
        } catch (EventValidationException refused) {
            assertThat(refused.getErrors()).isNotEmpty();
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(drafts).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxEventsPerRequest());
        String text = new String(body, StandardCharsets.UTF_8);
        for (EventDraft draft : drafts) {
            StorableEvent.assertStorable(draft);
            assertThat(draft.raw().getBytes(StandardCharsets.UTF_8).length).as("raw bytes")
                    .isLessThanOrEqualTo(LIMITS.maxEventBytes());
            assertThat(text).as("raw is the object as sent").contains(draft.raw());
        }
    }
}
