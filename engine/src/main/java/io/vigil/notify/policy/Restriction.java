package io.vigil.notify.policy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * When a layer has someone at all: on these days, from {@code from} (inclusive) to {@code to}
 * (exclusive) local time, within one day ({@code from} before {@code to}). Outside it the layer has
 * nobody, so a lower layer (or nobody) answers.
 *
 * @param to {@link LocalTime#MAX} for "until midnight"
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    /** Every day, all day. */
    public static final Restriction NONE = new Restriction(Set.of(DayOfWeek.values()), LocalTime.MIDNIGHT, LocalTime.MAX);

    public Restriction {
        days = Set.copyOf(days);
    }

    public boolean allows(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from)
                && (to.equals(LocalTime.MAX) || time.isBefore(to));
    }
}
