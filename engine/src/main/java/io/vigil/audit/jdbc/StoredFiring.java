package io.vigil.audit.jdbc;

/**
 * A firing as the audit trail stores it: its matched facts as JSON text and its event ids as
 * comma-separated text, exactly the strings its hash is computed over (see {@link FiringHash}).
 *
 * @param eventIds null when it matched no event
 */
record StoredFiring(long id, long firedAt, String rule, String rulePackage, String ruleSetVersion, String facts,
                    String eventIds, String outcome) {

    /** This firing's hash when chained after {@code prevHash} (see {@link FiringHash}). */
    String hash(String prevHash) {
        return FiringHash.hash(prevHash, id, firedAt, rule, rulePackage, ruleSetVersion, facts, eventIds, outcome);
    }
}
