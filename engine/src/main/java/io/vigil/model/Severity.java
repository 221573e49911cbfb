package io.vigil.model;

import java.util.Locale;

/** Syslog severities (RFC 5424 section 6.2.1): code 0 is the most severe. */
public enum Severity {
    EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG;

    public int code() {
        return ordinal();
    }

    public static Severity ofCode(int code) {
        if (code < 0 || code > 7) {
            throw new IllegalArgumentException("severity code " + code + " is out of range 0..7");
        }
        return values()[code];
    }

    /**
     * Parses a syslog severity name ("emergency", "err", "warn", "info", ...) or its code "0".."7".
     * Throws IllegalArgumentException naming the value.
     */
    public static Severity parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "emerg": case "panic": return EMERGENCY;
            case "crit": return CRITICAL;
            case "err": case "error": return ERROR;
            case "warn": return WARNING;
            case "info": return INFORMATIONAL;
            default: break;
        }
        if (t.length() == 1 && Character.isDigit(t.charAt(0))) {
            return ofCode(t.charAt(0) - '0');
        }
        for (Severity s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity \"" + text
                + "\" (expected emergency, alert, critical, error, warning, notice, informational, debug or 0-7)");
    }
}
