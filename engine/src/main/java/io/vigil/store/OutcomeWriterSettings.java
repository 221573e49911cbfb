package io.vigil.store;

import java.time.Duration;

/**
 * @param queueCapacity            engine batches waiting to be written before {@code publish} blocks
 * @param maxBatchesPerTransaction how many queued batches one transaction may merge
 * @param minBackoff               the first wait after a failed transaction; it doubles up to {@code maxBackoff}
 * @param maxQueuedItems           outcomes and firings published and not yet committed before {@code publish}
 *                                 blocks: the bound in memory, since a batch's size varies with its events
 *                                 (a batch counts at least 1, and at most this)
 */
public record OutcomeWriterSettings(int queueCapacity, int maxBatchesPerTransaction, Duration minBackoff,
                                    Duration maxBackoff, int maxQueuedItems) {

    /** About 100,000 events' worth at the usual three to four items (a classification, firings) per event. */
    public static final int DEFAULT_MAX_QUEUED_ITEMS = 400_000;

    public OutcomeWriterSettings(int queueCapacity, int maxBatchesPerTransaction, Duration minBackoff, Duration maxBackoff) {
        this(queueCapacity, maxBatchesPerTransaction, minBackoff, maxBackoff, DEFAULT_MAX_QUEUED_ITEMS);
    }

    public OutcomeWriterSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("outcome queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (maxQueuedItems < 1) {
            throw new IllegalArgumentException("outcome maxQueuedItems must be at least 1, got " + maxQueuedItems);
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
