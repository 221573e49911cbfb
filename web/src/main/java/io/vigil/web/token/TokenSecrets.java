package io.vigil.web.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes API token secrets. A secret is {@code vgl_} followed by 32 random bytes in
 * base64url: the prefix lets secret scanners and people recognise a Vigil token. Secrets carry
 * 256 bits of entropy, so a fast unsalted SHA-256 is the right stored form (unlike passwords, which
 * need BCrypt), and it lets a request be authenticated with one indexed lookup.
 */
final class TokenSecrets {

    static final String PREFIX = "vgl_";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenSecrets() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + BASE64URL.encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
