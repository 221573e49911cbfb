package io.vigil.bench;

/**
 * What status a synthetic event reports for its element.
 * <ul>
 *   <li>{@code steady}: like a real monitoring feed — every element reports its current status
 *       again and again; about 0.3 % of elements are CRITICAL and 2 % WARNING at a time, and the
 *       set changes every 50,000 events of a connection (a few incidents open per minute).</li>
 *   <li>{@code storm}: an incident storm — every element turns CRITICAL every 97th event, so
 *       thousands of incidents open and stay open (nobody acknowledges in a benchmark).</li>
 * </ul>
 */
enum StatusMix {
    STEADY, STORM;

    static StatusMix parse(String text) {
        try {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mix must be steady or storm, got \"" + text + "\"");
        }
    }

    String status(long sequence, int host, String check) {
        if (this == STORM) {
            return sequence % 97 == 0 ? "CRITICAL" : sequence % 13 == 0 ? "WARNING" : "NORMAL";
        }
        int draw = Math.floorMod((host * 31 + check.hashCode()) * 1_000_003 + (int) (sequence / 50_000) * 7_919, 1_000);
        return draw < 3 ? "CRITICAL" : draw < 23 ? "WARNING" : "NORMAL";
    }
}
