package io.vigil.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The stored rule firings, for auditors: search them, follow one back to its events, check the chain. */
public interface AuditTrail {

    /**
     * Firings newest first.
     *
     * @param ruleOrNull  only this rule (exact name)
     * @param sinceOrNull only firings at or after this session-clock time
     * @param limit       1 to 10,000
     */
    List<FiringRow> query(String ruleOrNull, Instant sinceOrNull, int limit);

    Optional<FiringRow> byId(long id);

    /** Recomputes the whole hash chain in id order and reports the first firing that does not match. */
    VerifyResult verify();

    /**
     * Every stored firing, oldest first, read a page at a time (for exports and checks of the whole
     * trail). Hashes are as stored or, for packed firings, recomputed along the chain.
     */
    void walk(Consumer<FiringRow> each);
}
