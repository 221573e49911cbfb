package io.vigil.store;

import java.time.Instant;
import java.util.List;

/**
 * A silence made through the API, as stored.
 *
 * @param state ACTIVE (between start and end, not expired), PENDING (not started) or EXPIRED (over,
 *              or ended early: then {@code expiredAt} and {@code expiredBy} say when and by whom)
 */
public record SilenceRow(long id, List<String> matchers, Instant startsAt, Instant endsAt, String comment,
                         String createdBy, Instant createdAt, Instant expiredAt, String expiredBy, String state) {
}
