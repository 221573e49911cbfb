package io.vigil.journal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of the journal's successful group commits: how many, how many events they stored
 * and how long they took. Written by the journal writer's thread, read by metrics on any thread;
 * rates of these give the mean commit time and the mean batch size over any window.
 */
public final class JournalCommits {

    private final LongAdder commits = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private volatile Observer observer = (eventCount, tookNanos) -> { };

    /** Told of each commit as it happens (on the journal writer's thread), e.g. to record its latency in a histogram. */
    public interface Observer {
        void committed(int eventCount, long tookNanos);
    }

    public void observe(Observer observer) {
        this.observer = observer;
    }

    void committed(int eventCount, long tookNanos) {
        commits.increment();
        events.add(eventCount);
        nanos.add(tookNanos);
        observer.committed(eventCount, tookNanos);
    }

    public long commits() {
        return commits.sum();
    }

    public long events() {
        return events.sum();
    }

    public double seconds() {
        return nanos.sum() / 1e9;
    }
}
