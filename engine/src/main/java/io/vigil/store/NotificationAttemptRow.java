package io.vigil.store;

import java.time.Instant;

/**
 * One delivery attempt.
 *
 * @param attempt    1 for the first
 * @param status     SENT or FAILED
 * @param detail     the channel's answer (e.g. "250 OK", "HTTP 200") or the error
 * @param durationMs how long the attempt took
 */
public record NotificationAttemptRow(long notificationId, int attempt, Instant at, String status, String detail,
                                     int durationMs) {
}
