package io.vigil.session.replay;

import io.vigil.service.ServiceTreeDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rule test as written in a rule set's {@code rule-tests/…/x.yml}: events in the replay format,
 * an optional service tree, and what should be true at given times.
 *
 * @param events   one JSON event object per entry, as replay and the REST API take them
 * @param services null without a service tree
 * @param checks   in time order; a check without a time ({@code at == null}) is after the last event
 */
record RuleTestCase(String description, List<String> events, ServiceTreeDefinition services, Duration escalateAfter,
                    List<Check> checks) {

    /** The sections a check may expect: each an entry list whose entries name the fields they care about. */
    static final List<String> SECTIONS = List.of("classifications", "elements", "alerts", "incidents", "services");

    /**
     * What should be true at {@code at}: per section, entries that must each match one actual entry on
     * every field they name; an empty list means there must be none.
     */
    record Check(Instant at, Map<String, List<Map<String, Object>>> expected) {
    }
}
