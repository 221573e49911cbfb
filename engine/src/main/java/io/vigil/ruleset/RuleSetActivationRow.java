package io.vigil.ruleset;

import java.time.Instant;

/**
 * One time a version became the active one; events after {@code afterEventId} were processed by
 * {@code version}.
 *
 * @param kind {@code import}, {@code upgrade}, {@code deploy} or {@code rollback}
 */
public record RuleSetActivationRow(long id, String version, String previous, String kind, String actor,
                                   long afterEventId, Instant activatedAt) {
}
