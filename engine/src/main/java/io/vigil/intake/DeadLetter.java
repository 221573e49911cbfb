package io.vigil.intake;

import java.time.Instant;

/** Input that could not become an event, kept with the reason and the raw bytes. */
public record DeadLetter(Instant receivedAt, String transport, String peer, String reason, byte[] raw) {
}
