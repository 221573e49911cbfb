package io.vigil.intake.syslog;

import java.nio.charset.StandardCharsets;

/**
 * Checks the offers of a client's RELP {@code open}: lines of {@code name=value,value}. Vigil
 * takes a session that names a {@code relp_version} and offers the {@code syslog} command;
 * other offers (such as {@code relp_software}) are ignored, as the protocol asks.
 */
final class RelpOffers {

    private static final int MAX_VERSION_DIGITS = 9;

    private RelpOffers() {
    }

    /** Why the offers are refused, or null when the session can open. */
    static String refusal(byte[] offers) {
        String version = null;
        boolean syslog = false;
        for (String line : new String(offers, StandardCharsets.ISO_8859_1).split("\n")) {
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals);
            String[] values = equals < 0 ? new String[0] : line.substring(equals + 1).split(",");
            if (name.equals("relp_version")) {
                version = values.length == 0 ? "" : values[0];
            } else if (name.equals("commands")) {
                for (String command : values) {
                    syslog |= command.equals("syslog");
                }
            }
        }
        if (version == null) {
            return "no relp_version offered";
        }
        if (!version.matches("[0-9]{1," + MAX_VERSION_DIGITS + "}")) {
            return "relp_version must be a number, got " + SyslogText.quote(version);
        }
        if (!syslog) {
            return "the client does not offer the syslog command";
        }
        return null;
    }
}
