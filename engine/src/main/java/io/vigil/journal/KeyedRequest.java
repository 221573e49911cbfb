package io.vigil.journal;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A journaled request that came with an idempotency key: its events have the consecutive ids
 * {@code firstId .. firstId + events - 1}. Stored in the same transaction as its events.
 */
public record KeyedRequest(String idempotencyKey, String bodySha256, long firstId, int events, Instant receivedAt) {

    public List<Long> ids() {
        return LongStream.range(firstId, firstId + events).boxed().toList();
    }
}
