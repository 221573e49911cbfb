package io.vigil.intake.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the time of an event as sent over HTTP: ISO-8601 with an offset, within what the journal stores. */
public final class EventTimestamps {

    private EventTimestamps() {
    }

    /**
     * @throws IllegalArgumentException quoting the text: not ISO-8601 with an offset, or outside 1970 to 9999
     */
    public static Instant parse(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid timestamp \"" + FieldError.abbreviate(text)
                    + "\" (expected ISO-8601 with an offset, e.g. 2026-11-21T06:30:00Z)");
        }
        if (!EventLimits.isStorable(at)) {
            throw new IllegalArgumentException("timestamp \"" + FieldError.abbreviate(text)
                    + "\" is out of range (expected 1970 to 9999)");
        }
        return at;
    }
}
