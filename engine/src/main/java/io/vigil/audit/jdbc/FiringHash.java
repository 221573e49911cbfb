package io.vigil.audit.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The firing hash chain: {@code hash = sha256_hex(prev_hash + canonical text)}, the first row's
 * prev_hash being {@link #GENESIS}. The canonical text is built from the columns exactly as
 * stored, so an auditor can recompute it from a dump with any tool: for each of id, fired_at
 * (epoch ms), rule_name, rule_package, ruleset_version, facts (the JSON text), event_ids (the
 * text, empty for NULL) and outcome, its length in UTF-16 chars, a colon, the value and a
 * newline. The length prefix makes the encoding unambiguous whatever the values contain.
 */
public final class FiringHash {

    public static final String GENESIS = "0".repeat(64);

    private FiringHash() {
    }

    public static String canonical(long id, long firedAtMillis, String rule, String rulePackage, String ruleSetVersion,
                                   String factsJson, String eventIds, String outcome) {
        StringBuilder text = new StringBuilder(256);
        for (String field : new String[] {Long.toString(id), Long.toString(firedAtMillis), rule, rulePackage,
                ruleSetVersion, factsJson, eventIds == null ? "" : eventIds, outcome}) {
            text.append(field.length()).append(':').append(field).append('\n');
        }
        return text.toString();
    }

    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
