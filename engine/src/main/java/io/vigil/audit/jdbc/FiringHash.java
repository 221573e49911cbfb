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

    /**
     * The same as {@code hash(prevHash, canonical(...))}, fed to the digest field by field instead of
     * building the canonical text first: the writer hashes every firing, and the text was most of
     * what it allocated.
     */
    public static String hash(String prevHash, long id, long firedAtMillis, String rule, String rulePackage,
                              String ruleSetVersion, String factsJson, String eventIds, String outcome) {
        MessageDigest sha256 = SHA256.get();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        field(sha256, Long.toString(id));
        field(sha256, Long.toString(firedAtMillis));
        field(sha256, rule);
        field(sha256, rulePackage);
        field(sha256, ruleSetVersion);
        field(sha256, factsJson);
        field(sha256, eventIds == null ? "" : eventIds);
        field(sha256, outcome);
        return HEX.formatHex(sha256.digest());
    }

    private static void field(MessageDigest sha256, String value) {
        String length = Integer.toString(value.length());
        for (int i = 0; i < length.length(); i++) {
            sha256.update((byte) length.charAt(i));
        }
        sha256.update((byte) ':');
        sha256.update(value.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
    }

    public static String hash(String prevHash, String canonical) {
        MessageDigest sha256 = SHA256.get();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread, reused: looking one up for each of millions of firings showed in profiles. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}
