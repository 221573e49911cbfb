package io.vigil.store;

import java.time.Duration;

/**
 * @param queueCapacity            engine batches waiting to be written before {@code publish} blocks
 * @param maxBatchesPerTransaction how many queued batches one transaction may merge
 * @param minBackoff               the first wait after a failed transaction; it doubles up to {@code maxBackoff}
 */
public record OutcomeWriterSettings(int queueCapacity, int maxBatchesPerTransaction, Duration minBackoff,
                                    Duration maxBackoff) {

    public OutcomeWriterSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("outcome queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (maxBatchesPerTransaction < 1) {
            throw new IllegalArgumentException("outcome maxBatchesPerTransaction must be at least 1, got " + maxBatchesPerTransaction);
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("outcome backoff must be positive with min <= max, got " + minBackoff + " and " + maxBackoff);
        }
    }

    public static OutcomeWriterSettings defaults() {
        return new OutcomeWriterSettings(64, 32, Duration.ofMillis(100), Duration.ofSeconds(2));
    }
}
