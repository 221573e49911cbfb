package io.vigil.web.policy;

import io.vigil.notify.policy.Handoff;
import io.vigil.notify.policy.OnCallSchedule;
import io.vigil.notify.policy.PolicyDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who is on call on each schedule at an instant, and the hand-offs of the {@value #HANDOFF_DAYS}
 * days after it.
 */
record OnCallNow(Instant at, List<Schedule> schedules) {

    static final int HANDOFF_DAYS = 7;

    /** @param onCall empty when nobody is */
    record Schedule(String name, String timeZone, List<String> onCall, List<Handoff> handoffs) {
    }

    static OnCallNow of(PolicyDocument document, Instant at) {
        Instant until = at.plus(Duration.ofDays(HANDOFF_DAYS));
        return new OnCallNow(at, document.schedules().values().stream().map(schedule -> of(schedule, at, until)).toList());
    }

    private static Schedule of(OnCallSchedule schedule, Instant at, Instant until) {
        return new Schedule(schedule.name(), schedule.zone().getId(), schedule.onCallAt(at), schedule.handoffs(at, until));
    }
}
