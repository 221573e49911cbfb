package io.vigil.service.sla;

import io.vigil.model.Status;
import io.vigil.service.SlaSettings;

import java.io.Serializable;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The SLA of one service: a sample every sample period of the session clock, aligned to
 * multiples of the period, and compliance over the half-open window (now − interval, now] — an
 * hour of 5-minute samples holds exactly 12.
 */
final class SlaTracker implements Serializable {

    private static final long serialVersionUID = 1L;

    final String service;
    final SlaSettings settings;
    private final long period;
    private final long interval;
    private final SampleWindow window;
    private long nextSampleAt;
    private SlaStatus status = SlaStatus.NOT_AVAILABLE;

    /** The first sample is the first period boundary after {@code start}. */
    SlaTracker(String service, SlaSettings settings, long start) {
        this.service = service;
        this.settings = settings;
        this.period = settings.samplePeriod().toMillis();
        this.interval = settings.interval().toMillis();
        this.window = new SampleWindow((int) ((interval + period - 1) / period));
        this.nextSampleAt = firstSampleAfter(start);
    }

    /** Takes every sample due at or before {@code now}, each of {@code current}. */
    void advanceTo(long now, Status current, LongPredicate inDowntime, List<TakenSample> samples,
                   List<SlaStatusChange> changes) {
        if (nextSampleAt <= now - interval) {
            // after a long pause (the engine was stopped) older samples could never be in the window
            nextSampleAt = firstSampleAfter(now - interval);
        }
        for (; nextSampleAt <= now; nextSampleAt += period) {
            SampleOutcome outcome = inDowntime.test(nextSampleAt) ? SampleOutcome.DOWNTIME
                    : current == null || current == Status.UNKNOWN ? SampleOutcome.UNKNOWN
                    : settings.compliesWhen().complies(current) ? SampleOutcome.COMPLIES : SampleOutcome.FAILS;
            window.record(nextSampleAt / period, outcome);
            Compliance compliance = compliance();
            samples.add(new TakenSample(new SlaSample(service, nextSampleAt, current == null ? Status.UNKNOWN : current,
                    outcome), compliance));
            if (compliance.status() != status) {
                changes.add(new SlaStatusChange(service, nextSampleAt, status, compliance.status(),
                        compliance.percent()));
                status = compliance.status();
            }
        }
    }

    Compliance compliance() {
        return Compliance.of(window.complying(), window.counted(), settings.limit());
    }

    private long firstSampleAfter(long time) {
        return (Math.floorDiv(time, period) + 1) * period;
    }
}
