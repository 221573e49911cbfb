package io.vigil.notify;

import java.time.Duration;

/**
 * How the {@link NotificationDispatcher} paces itself.
 *
 * @param pollInterval how often it looks for due notifications when nobody {@link NotificationDispatcher#wake() wakes} it
 * @param batchSize    how many due notifications one look takes (the rest are taken by the next look, at once)
 * @param firstBackoff the wait after a first failed attempt; it doubles with every further failure
 * @param maxBackoff   the longest wait between attempts, however often they failed
 */
public record DispatcherSettings(Duration pollInterval, int batchSize, Duration firstBackoff, Duration maxBackoff) {

    /** 1 s poll, 100 at a time, 2 s, 4 s, 8 s … up to 10 min between attempts. */
    public static final DispatcherSettings DEFAULTS =
            new DispatcherSettings(Duration.ofSeconds(1), 100, Duration.ofSeconds(2), Duration.ofMinutes(10));

    public DispatcherSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("the poll interval and the first backoff must be positive");
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("the maximum backoff " + maxBackoff + " is below the first " + firstBackoff);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 = first): first × 2^(failures−1), capped. */
    public Duration backoff(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = firstBackoff.toMillis();
        for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
