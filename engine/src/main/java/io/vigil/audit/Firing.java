package io.vigil.audit;

import java.util.List;

/**
 * One rule activation that fired.
 *
 * @param firedAt        session clock, epoch ms
 * @param ruleSetVersion SHA-256 (hex) of the rule set's sources
 * @param eventIds       ids of the events among the matched facts (the audit chain back to raw text)
 * @param outcome        what the firing did, one line per outcome or fact change
 * @param routine        it matched one event and changed nothing but that event (its category or
 *                       status) and reported nothing but that event's classification: most firings
 *                       of a steady feed, which the audit trail keeps packed, many to a row
 */
public record Firing(long id, long firedAt, String rule, String rulePackage, String ruleSetVersion,
                     List<FactRef> facts, List<Long> eventIds, String outcome, boolean routine) {
}
