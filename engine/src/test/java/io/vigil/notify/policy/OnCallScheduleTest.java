package io.vigil.notify.policy;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnCallScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void shouldRotateDailyAtTheStartTimeOfDay() {
        OnCallSchedule schedule = schedule(LONDON, layer("2026-11-02T09:00", Rotation.DAILY, "alice", "bob", "carol"));

        assertThat(onCall(schedule, "2026-11-02T09:00:00Z")).containsExactly("alice");
        assertThat(onCall(schedule, "2026-11-03T08:59:59Z")).containsExactly("alice");
        assertThat(onCall(schedule, "2026-11-03T09:00:00Z")).containsExactly("bob");
        assertThat(onCall(schedule, "2026-11-04T12:00:00Z")).containsExactly("carol");
        assertThat(onCall(schedule, "2026-11-05T09:00:00Z")).containsExactly("alice");
    }

    @Test
    void shouldRotateWeekly() {
        OnCallSchedule schedule = schedule(LONDON, layer("2026-11-02T09:00", Rotation.WEEKLY, "alice", "bob"));

        assertThat(onCall(schedule, "2026-11-08T23:00:00Z")).containsExactly("alice");
        assertThat(onCall(schedule, "2026-11-09T08:59:59Z")).containsExactly("alice");
        assertThat(onCall(schedule, "2026-11-09T09:00:00Z")).containsExactly("bob");
        assertThat(onCall(schedule, "2026-11-16T09:00:00Z")).containsExactly("alice");
        assertThat(onCall(schedule, "2026-12-21T10:00:00Z")).containsExactly("bob");
    }

    @Test
    void shouldHaveNobodyBeforeTheStart() {
        OnCallSchedule schedule = schedule(LONDON, layer("2026-11-02T09:00", Rotation.WEEKLY, "alice", "bob"));

        assertThat(onCall(schedule, "2026-11-02T08:59:59Z")).isEmpty();
        assertThat(onCall(schedule, "2025-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void shouldHandOffAtNineLocalAcrossTheMarchChange() {
        // 2027-03-28: clocks go from 01:00 GMT to 02:00 BST, so 09:00 local is 08:00Z that day
        OnCallSchedule daily = schedule(LONDON, layer("2027-03-25T09:00", Rotation.DAILY, "alice", "bob"));
        OnCallSchedule weekly = schedule(LONDON, layer("2027-03-22T09:00", Rotation.WEEKLY, "alice", "bob"));

        assertThat(onCall(daily, "2027-03-28T07:59:59Z")).containsExactly("alice");
        assertThat(onCall(daily, "2027-03-28T08:00:00Z")).containsExactly("bob");
        assertThat(onCall(daily, "2027-03-29T07:59:59Z")).containsExactly("bob");
        assertThat(onCall(daily, "2027-03-29T08:00:00Z")).containsExactly("alice");
        assertThat(onCall(weekly, "2027-03-29T07:59:59Z")).containsExactly("alice");
        assertThat(onCall(weekly, "2027-03-29T08:00:00Z")).containsExactly("bob");
        assertThat(daily.layers().get(0).handoff(3, LONDON)).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
    }

    @Test
    void shouldHandOffAtNineLocalAcrossTheOctoberChange() {
        // 2026-10-25: clocks go from 02:00 BST back to 01:00 GMT, so 09:00 local is 09:00Z that day
        OnCallSchedule daily = schedule(LONDON, layer("2026-10-23T09:00", Rotation.DAILY, "alice", "bob"));
        OnCallSchedule weekly = schedule(LONDON, layer("2026-10-19T09:00", Rotation.WEEKLY, "alice", "bob"));

        assertThat(onCall(daily, "2026-10-24T08:00:00Z")).containsExactly("bob");
        assertThat(onCall(daily, "2026-10-25T08:59:59Z")).containsExactly("bob");
        assertThat(onCall(daily, "2026-10-25T09:00:00Z")).containsExactly("alice");
        assertThat(onCall(weekly, "2026-10-26T08:30:00Z")).containsExactly("alice");
        assertThat(onCall(weekly, "2026-10-26T09:00:00Z")).containsExactly("bob");
    }

    @Test
    void shouldHandOffAtNineLocalInNewYorkAndMoveAHandOffInTheGapForward() {
        // 2027-03-14: clocks go from 02:00 EST to 03:00 EDT
        OnCallSchedule daily = schedule(NEW_YORK, layer("2027-03-13T09:00", Rotation.DAILY, "alice", "bob"));
        ScheduleLayer inTheGap = layer("2027-03-13T02:30", Rotation.DAILY, "alice", "bob");

        assertThat(onCall(daily, "2027-03-13T14:00:00Z")).containsExactly("alice");
        assertThat(onCall(daily, "2027-03-14T12:59:59Z")).containsExactly("alice");
        assertThat(onCall(daily, "2027-03-14T13:00:00Z")).containsExactly("bob");
        assertThat(inTheGap.handoff(1, NEW_YORK)).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
        assertThat(inTheGap.handoff(2, NEW_YORK)).isEqualTo(Instant.parse("2027-03-15T06:30:00Z"));
    }

    @Test
    void shouldLetAnOverrideWinWhileItLasts() {
        OnCallSchedule schedule = new OnCallSchedule("primary", LONDON,
                List.of(layer("2026-11-02T09:00", Rotation.WEEKLY, "alice", "bob")),
                List.of(new ScheduleOverride("carol", LocalDateTime.parse("2026-12-24T09:00"),
                        LocalDateTime.parse("2026-12-27T09:00"))));

        assertThat(onCall(schedule, "2026-12-24T08:59:59Z")).containsExactly("bob");
        assertThat(onCall(schedule, "2026-12-24T09:00:00Z")).containsExactly("carol");
        assertThat(onCall(schedule, "2026-12-27T08:59:59Z")).containsExactly("carol");
        assertThat(onCall(schedule, "2026-12-27T09:00:00Z")).containsExactly("bob");
    }

    @Test
    void shouldLetTheHighestLayerWinWhereItHasSomeone() {
        ScheduleLayer base = layer("2026-11-02T00:00", Rotation.DAILY, "carol");
        ScheduleLayer businessHours = new ScheduleLayer("office", LocalDateTime.parse("2026-11-02T09:00"),
                Rotation.WEEKLY, List.of("alice", "bob"), new Restriction(EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        OnCallSchedule layered = schedule(LONDON, base, businessHours);
        OnCallSchedule restrictedOnly = schedule(LONDON, businessHours);

        assertThat(onCall(layered, "2026-11-02T10:00:00Z")).containsExactly("alice");
        assertThat(onCall(layered, "2026-11-02T16:59:59Z")).containsExactly("alice");
        assertThat(onCall(layered, "2026-11-02T17:00:00Z")).containsExactly("carol");
        assertThat(onCall(layered, "2026-11-07T10:00:00Z")).containsExactly("carol");
        assertThat(onCall(layered, "2026-11-10T08:59:00Z")).containsExactly("carol");
        assertThat(onCall(layered, "2026-11-10T09:00:00Z")).containsExactly("bob");
        assertThat(onCall(restrictedOnly, "2026-11-07T10:00:00Z")).isEmpty();
        assertThat(onCall(restrictedOnly, "2026-11-03T08:00:00Z")).isEmpty();
    }

    @Test
    void shouldListTheHandOffsOfLayersAndOverrides() {
        OnCallSchedule schedule = new OnCallSchedule("primary", LONDON,
                List.of(layer("2026-11-02T09:00", Rotation.WEEKLY, "alice", "bob")),
                List.of(new ScheduleOverride("carol", LocalDateTime.parse("2026-12-24T09:00"),
                        LocalDateTime.parse("2026-12-27T09:00"))));

        assertThat(schedule.handoffs(Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z")))
                .containsExactly(
                        new Handoff(Instant.parse("2026-12-21T09:00:00Z"), List.of("bob")),
                        new Handoff(Instant.parse("2026-12-24T09:00:00Z"), List.of("carol")),
                        new Handoff(Instant.parse("2026-12-27T09:00:00Z"), List.of("bob")),
                        new Handoff(Instant.parse("2026-12-28T09:00:00Z"), List.of("alice")));
    }

    @Test
    void shouldListWhenARestrictedLayerHasNobody() {
        ScheduleLayer office = new ScheduleLayer("office", LocalDateTime.parse("2026-11-02T09:00"), Rotation.DAILY,
                List.of("alice"), new Restriction(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.MAX));

        assertThat(schedule(LONDON, office).handoffs(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"))).containsExactly(
                new Handoff(Instant.parse("2026-11-02T09:00:00Z"), List.of("alice")),
                new Handoff(Instant.parse("2026-11-03T00:00:00Z"), List.of()),
                new Handoff(Instant.parse("2026-11-09T09:00:00Z"), List.of("alice")));
    }

    @Test
    void shouldRefuseToListHandOffsForMoreThanAYear() {
        OnCallSchedule schedule = schedule(LONDON, layer("2026-11-02T09:00", Rotation.DAILY, "alice"));

        assertThatThrownBy(() -> schedule.handoffs(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-06-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hand-offs are listed for at most 366 days");
    }

    private static ScheduleLayer layer(String start, Rotation rotation, String... users) {
        return new ScheduleLayer("layer", LocalDateTime.parse(start), rotation, List.of(users), Restriction.NONE);
    }

    private static OnCallSchedule schedule(ZoneId zone, ScheduleLayer... layers) {
        return new OnCallSchedule("primary", zone, List.of(layers), List.of());
    }

    private static List<String> onCall(OnCallSchedule schedule, String instant) {
        return schedule.onCallAt(Instant.parse(instant));
    }
}
