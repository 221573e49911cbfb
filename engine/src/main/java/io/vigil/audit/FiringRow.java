package io.vigil.audit;

import java.time.Instant;
import java.util.List;

/**
 * A stored firing, as the audit trail shows it.
 *
 * @param firedAt  session clock
 * @param eventIds ids of the matched events: the way back to the raw text
 * @param prevHash the previous firing's hash (64 zeros for the first firing)
 * @param hash     SHA-256 hex over prevHash and this firing's canonical text
 */
public record FiringRow(long id, Instant firedAt, String rule, String rulePackage, String ruleSetVersion,
                        List<FactRef> facts, List<Long> eventIds, String outcome, String prevHash, String hash) {
}
