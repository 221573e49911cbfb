package io.vigil.intake.syslog;

/** Quotes bits of untrusted input in error reasons: short, and with control characters made visible. */
final class SyslogText {

    private static final int MAX_QUOTED_CHARS = 40;

    private SyslogText() {
    }

    /** {@code "<13>Nov\x00…"}: at most 40 characters, control characters as \xNN. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(MAX_QUOTED_CHARS + 8).append('"');
        int end = Math.min(text.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(text.length() > end ? "…\"" : "\"").toString();
    }
}
