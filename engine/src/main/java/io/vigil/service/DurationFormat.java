package io.vigil.service;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in definitions: one or more number-unit parts, e.g. {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 7d}, {@code 1w}, {@code 1mo} or {@code 1month}. A month is a fixed 30
 * days so that an SLA window always holds the same number of samples.
 */
public final class DurationFormat {

    public static final String EXAMPLES = "e.g. 30s, 5m, 1h, 7d, 1w, 1mo";

    /** Longest unit first: format() picks the largest that fits, and "mo" must be tried before "m". */
    private static final String[] UNITS = {"month", "mo", "w", "d", "h", "m", "s"};
    private static final long[] UNIT_SECONDS = {2_592_000, 2_592_000, 604_800, 86_400, 3_600, 60, 1};
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(month|mo|w|d|h|m|s)");

    private DurationFormat() {
    }

    /** The duration, or null when the text is not one (callers word the error). */
    public static Duration parse(String text) {
        Matcher part = PART.matcher(text);
        long seconds = 0;
        int at = 0;
        while (at < text.length()) {
            part.region(at, text.length());
            if (!part.lookingAt()) {
                return null;
            }
            try {
                seconds = Math.addExact(seconds,
                        Math.multiplyExact(Long.parseLong(part.group(1)), UNIT_SECONDS[unit(part.group(2))]));
            } catch (ArithmeticException e) {
                return null;
            }
            at = part.end();
        }
        return at == 0 ? null : Duration.ofSeconds(seconds);
    }

    /** The shortest spelling in whole seconds that {@link #parse} reads back, e.g. "1mo", "1w", "1h30m". */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < UNITS.length; i++) {
            if (seconds >= UNIT_SECONDS[i]) {
                text.append(seconds / UNIT_SECONDS[i]).append(UNITS[i]);
                seconds %= UNIT_SECONDS[i];
            }
        }
        return text.toString();
    }

    private static int unit(String name) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown duration unit \"" + name + "\"");
    }
}
