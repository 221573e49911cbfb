package io.vigil.journal;

import java.time.Duration;

/**
 * @param maxBatchRows      how many events one journal transaction takes at most; one
 *                          submission is never split, so a bigger one is a transaction of its own
 * @param retryAfterSeconds what a rejected submitter is told to wait before trying again
 * @param keyRetention      how long idempotency keys are kept: a retry within it gets the original ids
 */
public record JournalSettings(int maxBatchRows, int retryAfterSeconds, Duration keyRetention) {

    public JournalSettings {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("journal maxBatchRows must be at least 1, got " + maxBatchRows);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("journal retryAfterSeconds must be at least 1, got " + retryAfterSeconds);
        }
        if (keyRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("idempotency keys must be kept at least a minute, got " + keyRetention);
        }
    }

    public static JournalSettings defaults() {
        return new JournalSettings(5_000, 1, Duration.ofDays(1));
    }
}
