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
    default List<FiringRow> query(String ruleOrNull, Instant sinceOrNull, int limit) {
        return query(new FiringFilter(ruleOrNull, null, sinceOrNull, null, null, null), limit);
    }

    /** Firings that match the filter, newest first, at most {@code limit} (1 to 10,000). */
    List<FiringRow> query(FiringFilter filter, int limit);

    Optional<FiringRow> byId(long id);

    /**
     * The firings behind an incident, oldest first: those of its alert (they matched the events that
     * raised it), the one that opened it, and those that escalated or changed it.
     */
    List<FiringRow> ofIncident(long incidentId);

    /** The firings behind an alert's changes (opened, counted, cleared by rules), oldest first. */
    List<FiringRow> ofAlert(long alertId);

    /** Recomputes the whole hash chain in id order and reports the first firing that does not match. */
    default VerifyResult verify() {
        return verify(List.of());
    }

    /**
     * Recomputes the whole chain and checks it against anchors too: each anchor's firing must still be
     * there with the hash the anchor recorded. An anchor whose firing is gone means the newest firings
     * were cut off.
     */
    VerifyResult verify(List<AuditAnchor> anchors);

    /** Records where the chain stands now. */
    AuditAnchor anchor(String recordedBy, Instant at);

    /** The anchors recorded, newest first. */
    List<AuditAnchor> anchors();

    /**
     * Every stored firing, oldest first, read a page at a time (for exports and checks of the whole
     * trail). Hashes are as stored or, for packed firings, recomputed along the chain.
     */
    void walk(Consumer<FiringRow> each);
}
