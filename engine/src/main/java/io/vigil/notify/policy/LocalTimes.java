package io.vigil.notify.policy;

import io.vigil.config.Fields;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Wall-clock values of a schedule, read in its time zone later: date-times without offset and times of day. */
final class LocalTimes {

    /** How the end of a day is written; read as {@link LocalTime#MAX}. */
    static final String END_OF_DAY = "24:00";

    private LocalTimes() {
    }

    /** E.g. 2026-11-02T09:00; null when absent or bad (reported). */
    static LocalDateTime dateTime(Fields fields, String key) {
        String text = fields.string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            fields.complain(key, text, "is not a local date-time (e.g. 2026-11-02T09:00)");
            return null;
        }
    }

    /** E.g. 09:00, or 24:00 for the end of the day; {@code absent} when absent, null when bad (reported). */
    static LocalTime time(Fields fields, String key, LocalTime absent) {
        String text = fields.string(key);
        if (text == null) {
            return fields.has(key) ? null : absent;
        }
        if (text.equals(END_OF_DAY)) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            fields.complain(key, text, "is not a time of day (e.g. 09:00 or 24:00)");
            return null;
        }
    }
}
