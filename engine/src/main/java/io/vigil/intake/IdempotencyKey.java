package io.vigil.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's key for one intake request (the {@code Idempotency-Key} header), with the SHA-256 of
 * the request body it came with: a retry with the same key and body is answered with the ids the
 * first one got; the same key with another body is refused.
 *
 * @param value      1 to {@value #MAX_LENGTH} visible ASCII characters
 * @param bodySha256 lower-case hex SHA-256 of the request body
 */
public record IdempotencyKey(String value, String bodySha256) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The key for {@code value} sent with {@code body}; IllegalArgumentException names what is wrong with the value. */
    public static IdempotencyKey of(String value, byte[] body) {
        return new IdempotencyKey(value, sha256(body));
    }

    /** Why {@code value} cannot be a key, or null when it can. */
    static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "Idempotency-Key is empty: send 1 to " + MAX_LENGTH + " visible ASCII characters";
        }
        if (value.length() > MAX_LENGTH) {
            return "Idempotency-Key is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "Idempotency-Key has the character U+" + String.format("%04X", (int) c) + " at position " + (i + 1)
                        + "; only visible ASCII characters (no spaces) are allowed";
            }
        }
        return null;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
