package io.vigil.intake.http;

import java.nio.charset.StandardCharsets;

/**
 * Checks a JSON body below the level Jackson checks, in one pass over its bytes: strict UTF-8
 * (RFC 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF), and surrogate
 * escapes inside strings that come in pairs (RFC 8259 section 8.2). Jackson decodes the former
 * leniently and passes lone surrogates on, and the database then stores either as '?': the event
 * would silently differ from what was sent.
 *
 * <p>Structure is not checked here (that is Jackson's job); a string is simply what lies between
 * two unescaped quotes.
 */
final class JsonTextCheck {

    /** The first problem found: what, where (byte offset into the body), and the detail. */
    record Problem(String what, int offset, String detail) {

        /** "invalid UTF-8 at byte offset 57: overlong encoding C0 AF (…)". */
        String describe() {
            return what + " at byte offset " + offset + ": " + detail;
        }
    }

    private static final int HIGH_SURROGATE_MIN = 0xD800;
    private static final int LOW_SURROGATE_MIN = 0xDC00;
    private static final int SURROGATE_MAX = 0xDFFF;
    private static final int ESCAPE_LENGTH = 6;

    private final byte[] body;

    private JsonTextCheck(byte[] body) {
        this.body = body;
    }

    /** The first problem in {@code body}, or null when it is clean. */
    static Problem firstProblem(byte[] body) {
        return new JsonTextCheck(body).scan();
    }

    private Problem scan() {
        boolean inString = false;
        int i = 0;
        while (i < body.length) {
            int b = body[i] & 0xFF;
            if (b >= 0x80) {
                int length = sequenceLength(i);
                if (length < 0) {
                    return new Problem("invalid UTF-8", i, describeBadSequence(i) + " (JSON text must be UTF-8, RFC 8259 section 8.1)");
                }
                i += length;
            } else if (b == '"') {
                inString = !inString;
                i++;
            } else if (b == '\\' && inString) {
                int skip = escapeLength(i);
                if (skip < 0) {
                    return surrogateProblem(i);
                }
                i += skip;
            } else {
                i++;
            }
        }
        return null;
    }

    /** The length of a valid multi-byte sequence at {@code i}, or -1. */
    private int sequenceLength(int i) {
        int lead = body[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(i + 1, 0x80, 0xBF) ? 2 : -1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int min = lead == 0xE0 ? 0xA0 : 0x80;
            int max = lead == 0xED ? 0x9F : 0xBF;
            return continuation(i + 1, min, max) && continuation(i + 2, 0x80, 0xBF) ? 3 : -1;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int min = lead == 0xF0 ? 0x90 : 0x80;
            int max = lead == 0xF4 ? 0x8F : 0xBF;
            return continuation(i + 1, min, max) && continuation(i + 2, 0x80, 0xBF)
                    && continuation(i + 3, 0x80, 0xBF) ? 4 : -1;
        }
        return -1;
    }

    private boolean continuation(int at, int min, int max) {
        if (at >= body.length) {
            return false;
        }
        int b = body[at] & 0xFF;
        return b >= min && b <= max;
    }

    private String describeBadSequence(int i) {
        int lead = body[i] & 0xFF;
        if (lead < 0xC0) {
            return "unexpected continuation byte " + hex(i, 1);
        }
        if (lead >= 0xF5) {
            return "byte " + hex(i, 1) + " never appears in UTF-8";
        }
        int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        for (int k = i + 1; k < i + length; k++) {
            if (!continuation(k, 0x80, 0xBF)) {
                return "truncated sequence " + hex(i, k - i) + " (expected a continuation byte, got "
                        + (k < body.length ? hex(k, 1) : "the end of the body") + ")";
            }
        }
        String bytes = hex(i, length);
        if (lead == 0xED) {
            return "encoded surrogate " + bytes + " (surrogates are not characters)";
        }
        if (lead == 0xF4) {
            return "code point above U+10FFFF " + bytes;
        }
        return "overlong encoding " + bytes;
    }

    /**
     * How many bytes the escape at {@code i} (a backslash inside a string) spans, or -1 when it
     * is a surrogate escape without its partner. Malformed escapes are left for Jackson to report.
     */
    private int escapeLength(int i) {
        int unit = unicodeEscape(i);
        if (unit < HIGH_SURROGATE_MIN || unit > SURROGATE_MAX) {
            return unit < 0 ? 2 : ESCAPE_LENGTH;
        }
        if (unit >= LOW_SURROGATE_MIN) {
            return -1;
        }
        int next = unicodeEscape(i + ESCAPE_LENGTH);
        return next >= LOW_SURROGATE_MIN && next <= SURROGATE_MAX ? 2 * ESCAPE_LENGTH : -1;
    }

    private Problem surrogateProblem(int i) {
        String escape = new String(body, i, ESCAPE_LENGTH, StandardCharsets.US_ASCII);
        String why = unicodeEscape(i) >= LOW_SURROGATE_MIN ? "a low surrogate without a high surrogate before it"
                : "a high surrogate not followed by a low surrogate escape";
        return new Problem("lone surrogate escape " + escape, i, why + " (RFC 8259 section 8.2)");
    }

    /** The UTF-16 unit of a well-formed {@code \\uXXXX} at {@code i}, or -1. */
    private int unicodeEscape(int i) {
        if (i + ESCAPE_LENGTH > body.length || body[i] != '\\' || body[i + 1] != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = i + 2; k < i + ESCAPE_LENGTH; k++) {
            int digit = Character.digit(body[k], 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    private String hex(int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int k = from; k < from + count; k++) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02X", body[k] & 0xFF));
        }
        return text.toString();
    }
}
