package io.vigil.ruleset;

import java.time.Instant;

/**
 * A stored rule-set version, without its files.
 *
 * @param version SHA-256 of its files (see {@link io.vigil.session.RuleSet#version()})
 * @param parent  the version it was made from, null for the first
 * @param origin  {@code shipped} (came with the server) or {@code authored}
 * @param files   how many files it has
 */
public record RuleSetVersion(String version, String parent, String author, String message, String origin,
                             Instant createdAt, State state, int files) {

    /** draft: never active yet; active: the one the engine runs (exactly one); retired: was active. */
    public enum State { DRAFT, ACTIVE, RETIRED }

    public static final String SHIPPED = "shipped";
    public static final String AUTHORED = "authored";
}
