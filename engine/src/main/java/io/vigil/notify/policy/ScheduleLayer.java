package io.vigil.notify.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One rotation of a schedule: {@code users} take turns, one per period, the first from {@code start}.
 * <p>
 * Hand-offs happen at {@code start}'s local time of day every {@link Rotation#days()} local calendar
 * days, so across a DST change a shift lasts 23 or 25 hours but the hand-off stays at, say, 09:00.
 * A hand-off time that falls into a DST gap (e.g. 01:30 on the night clocks go from 01:00 to 02:00)
 * happens at the same wall time shifted by the gap (02:30), and one in an overlap at its earlier
 * instant: the rules of {@link ZonedDateTime#of(LocalDateTime, ZoneId)}.
 *
 * @param start local date-time of the first hand-off, in the schedule's zone; before it the layer has nobody
 */
public record ScheduleLayer(String name, LocalDateTime start, Rotation rotation, List<String> users,
                            Restriction restrict) {

    public ScheduleLayer {
        users = List.copyOf(users);
    }

    /** Who this layer has at the instant, if anyone. */
    public Optional<String> userAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        long turn = turnAt(local, zone);
        if (turn < 0 || !restrict.allows(local.toLocalDateTime())) {
            return Optional.empty();
        }
        return Optional.of(users.get((int) (turn % users.size())));
    }

    /** The instant of the n-th hand-off (0 = start). */
    public Instant handoff(long turn, ZoneId zone) {
        return ZonedDateTime.of(start.plusDays(turn * rotation.days()), zone).toInstant();
    }

    /** How many hand-offs have happened before or at the instant, less one: -1 before start. */
    long turnAt(ZonedDateTime local, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(start.toLocalDate(), local.toLocalDate());
        long turn = Math.floorDiv(days, rotation.days());
        // on the hand-off day itself but before the hand-off time, the previous turn still holds
        return handoff(turn, zone).isAfter(local.toInstant()) ? turn - 1 : turn;
    }
}
