package io.vigil.notify.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** {@code user} is on call instead of the layers from {@code from} (inclusive) to {@code to} (exclusive), local date-times. */
public record ScheduleOverride(String user, LocalDateTime from, LocalDateTime to) {

    public boolean covers(Instant at, ZoneId zone) {
        return !at.isBefore(ZonedDateTime.of(from, zone).toInstant())
                && at.isBefore(ZonedDateTime.of(to, zone).toInstant());
    }
}
