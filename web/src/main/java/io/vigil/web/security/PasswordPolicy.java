package io.vigil.web.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be, after NIST SP 800-63B: long enough, not too long for BCrypt, not the
 * user's own name, and not a common password — no rules about digits, capitals or symbols, which
 * make passwords harder to remember and no harder to guess. "Common" means on the bundled list
 * ({@code security/common-passwords.txt}: the worst passwords of the yearly public lists plus this
 * product's own words), also with digits, blanks or punctuation added before or after
 * ("Password2024!"), or repeated ("qwertyqwerty"); and a single character repeated.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** BCrypt reads at most 72 bytes, and Spring Security refuses to hash more. */
    static final int MAX_BYTES = 72;
    /** Shorter user names ("al") would forbid ordinary passwords that merely contain them. */
    private static final int MIN_NAME_CHECKED = 3;
    private static final String LIST = "/security/common-passwords.txt";

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The first rule {@code password} breaks, as a sentence naming it; empty when it passes. */
    public static Optional<String> violation(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password is missing");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters, got " + length);
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("password must be at most " + MAX_BYTES + " bytes in UTF-8 (what BCrypt reads), got " + bytes);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= MIN_NAME_CHECKED && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password must not contain the user name \"" + username + "\"");
        }
        if (lower.codePoints().distinct().count() == 1) {
            return Optional.of("password must not be one character repeated");
        }
        if (isCommon(lower)) {
            return Optional.of("password is too common: it is on the list of common and breached passwords"
                    + " (perhaps with digits or symbols added, or repeated)");
        }
        return Optional.empty();
    }

    private static boolean isCommon(String lower) {
        String core = stripAffixes(lower);
        return COMMON.contains(lower) || COMMON.contains(core) || isRepetitionOfCommon(core);
    }

    /** Without the digits, blanks and punctuation at either end; the whole text when nothing else is left. */
    private static String stripAffixes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? text : text.substring(start, end);
    }

    private static boolean isRepetitionOfCommon(String text) {
        for (int period = 1; period <= text.length() / 2; period++) {
            if (text.length() % period == 0 && text.equals(text.substring(0, period).repeat(text.length() / period))
                    && COMMON.contains(text.substring(0, period))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + LIST + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }
}
