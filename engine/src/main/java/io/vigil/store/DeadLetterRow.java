package io.vigil.store;

import java.time.Instant;

/** A stored dead letter: input that could not become an event, with the reason and the raw bytes. */
public record DeadLetterRow(long id, Instant receivedAt, String transport, String peer, String reason, byte[] raw) {
}
