package io.vigil.reliability.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events the load sends, each carrying a unique marker as its whole message
 * ({@code seq=round2-rest-17}, {@code seq=round2-tcp-4}), so the journal can be matched back to
 * what was sent: a marker journaled twice is a duplicate, an acknowledged marker missing is a
 * loss. The tag ({@code round2}) tells one part of a scenario from the next. Statuses
 * are NORMAL and WARNING only, spread over a few dozen elements: status changes keep the rules
 * busy without opening an incident per event.
 */
public final class LoadEvents {

    /** The prefix every marker starts with; the journal is searched by it. */
    public static final String MARKER = "seq=";

    private static final String[] CHECKS = {"cpu", "disk", "nginx", "orders", "latency"};
    private static final String[] STATUSES = {"NORMAL", "WARNING"};

    private final String tag;
    private final AtomicLong restSeq = new AtomicLong();
    private final AtomicLong tcpSeq = new AtomicLong();

    /** @param tag letters and digits, part of every marker */
    public LoadEvents(String tag) {
        if (!tag.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("load tag \"" + tag + "\" must be lowercase letters and digits");
        }
        this.tag = tag;
    }

    /** What every marker of this load starts with. */
    public String markerPrefix() {
        return MARKER + tag + "-";
    }

    /** Markers of the next {@code size} REST events, in the order they are sent. */
    List<String> nextRestMarkers(int size) {
        List<String> markers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            markers.add(markerPrefix() + "rest-" + restSeq.incrementAndGet());
        }
        return markers;
    }

    /** A JSON array of one event per marker. */
    static String json(List<String> markers) {
        StringBuilder body = new StringBuilder("[");
        for (String marker : markers) {
            long n = number(marker);
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"source\":\"reliability\",\"resource\":\"load-").append(n % 40)
                    .append("\",\"check\":\"").append(CHECKS[(int) (n % CHECKS.length)])
                    .append("\",\"status\":\"").append(STATUSES[(int) (n / 7 % STATUSES.length)])
                    .append("\",\"message\":\"").append(marker).append("\"}");
        }
        return body.append(']').toString();
    }

    /** The marker of the next syslog line. */
    String nextTcpMarker() {
        return markerPrefix() + "tcp-" + tcpSeq.incrementAndGet();
    }

    /** An RFC 5424 line (LF-terminated framing) with the marker as its message; severity 6 or 4. */
    static String syslogLine(String marker) {
        long n = number(marker);
        int pri = 8 + (n % 5 == 0 ? 4 : 6);
        return "<" + pri + ">1 - syslog-" + n % 20 + " app" + n % 3 + " - - - " + marker + "\n";
    }

    private static long number(String marker) {
        return Long.parseLong(marker.substring(marker.lastIndexOf('-') + 1));
    }
}
