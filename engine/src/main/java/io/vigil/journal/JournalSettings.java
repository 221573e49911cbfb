package io.vigil.journal;

/**
 * @param maxBatchRows      how many events one journal transaction takes at most; one
 *                          submission is never split, so a bigger one is a transaction of its own
 * @param retryAfterSeconds what a rejected submitter is told to wait before trying again
 */
public record JournalSettings(int maxBatchRows, int retryAfterSeconds) {

    public JournalSettings {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("journal maxBatchRows must be at least 1, got " + maxBatchRows);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("journal retryAfterSeconds must be at least 1, got " + retryAfterSeconds);
        }
    }

    public static JournalSettings defaults() {
        return new JournalSettings(5_000, 1);
    }
}
