package io.vigil.notify.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on call when: layers of rotations, the last-listed (highest) layer that has someone winning,
 * and overrides above all layers. Times are local to {@link #zone()}. Immutable.
 */
public final class OnCallSchedule {

    /** {@link #handoffs} looks no further than this, so a console cannot ask for years of instants. */
    public static final Duration MAX_HANDOFF_SPAN = Duration.ofDays(366);

    private final String name;
    private final ZoneId zone;
    private final List<ScheduleLayer> layers;
    private final List<ScheduleOverride> overrides;

    public OnCallSchedule(String name, ZoneId zone, List<ScheduleLayer> layers, List<ScheduleOverride> overrides) {
        this.name = name;
        this.zone = zone;
        this.layers = List.copyOf(layers);
        this.overrides = List.copyOf(overrides);
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Lowest first. */
    public List<ScheduleLayer> layers() {
        return layers;
    }

    public List<ScheduleOverride> overrides() {
        return overrides;
    }

    /**
     * The users on call at the instant: an override covering the instant wins (the last-listed when
     * several do); else the highest (last-listed) layer that has someone at that instant. Empty if nobody.
     */
    public List<String> onCallAt(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at, zone)) {
                return List.of(overrides.get(i).user());
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<String> user = layers.get(i).userAt(at, zone);
            if (user.isPresent()) {
                return List.of(user.get());
            }
        }
        return List.of();
    }

    /**
     * Every change of who is on call after {@code from} and before {@code to}, in time order, for the
     * console's "next hand-offs"; an entry with no users means nobody from then on.
     *
     * @throws IllegalArgumentException when the span is longer than {@link #MAX_HANDOFF_SPAN}
     */
    public List<Handoff> handoffs(Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(MAX_HANDOFF_SPAN) > 0) {
            throw new IllegalArgumentException("hand-offs are listed for at most " + MAX_HANDOFF_SPAN.toDays() + " days");
        }
        List<Handoff> handoffs = new ArrayList<>();
        List<String> before = onCallAt(from);
        for (Instant at : candidates(from, to)) {
            List<String> now = onCallAt(at);
            if (!now.equals(before)) {
                handoffs.add(new Handoff(at, now));
                before = now;
            }
        }
        return handoffs;
    }

    /** Every instant at which who is on call may change: layer hand-offs, restriction edges, override edges. */
    private TreeSet<Instant> candidates(Instant from, Instant to) {
        TreeSet<Instant> instants = new TreeSet<>();
        LocalDate firstDay = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDay = to.atZone(zone).toLocalDate().plusDays(1);
        for (ScheduleLayer layer : layers) {
            for (long turn = Math.max(0, layer.turnAt(from.atZone(zone), zone)); ; turn++) {
                Instant handoff = layer.handoff(turn, zone);
                if (!handoff.isBefore(to)) {
                    break;
                }
                instants.add(handoff);
            }
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                instants.add(ZonedDateTime.of(day, layer.restrict().from(), zone).toInstant());
                LocalTime end = layer.restrict().to();
                instants.add(end.equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, end, zone).toInstant());
            }
        }
        for (ScheduleOverride override : overrides) {
            instants.add(ZonedDateTime.of(override.from(), zone).toInstant());
            instants.add(ZonedDateTime.of(override.to(), zone).toInstant());
        }
        return new TreeSet<>(instants.subSet(from, false, to, false));
    }
}
