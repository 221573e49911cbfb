package io.vigil.intake.syslog;

import io.vigil.intake.http.EventLimits;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3164 ("BSD syslog") after the PRI: {@code Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG}, plus
 * what real senders do with it: an RFC 3339 timestamp instead (rsyslog's forwarding templates),
 * fractional seconds, an unpadded day, no HOSTNAME (local-socket format: the first word is
 * already the tag), no TAG. Lenient by design: as RFC 3164 section 4.3.3 tells a relay, a
 * message without a valid timestamp is kept whole as the MSG rather than refused.
 *
 * <p>The timestamp has neither year nor zone: it is read in the configured zone, and the year
 * is the one (of last, this and next year) that puts it closest to the time it was received,
 * so that "Dec 31 23:59:59" received just after New Year lands in the old year.
 */
final class Rfc3164Parser {

    private static final Pattern TIMESTAMP =
            Pattern.compile("([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?= |$)");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final ZoneId zone;

    Rfc3164Parser(ZoneId zone) {
        this.zone = zone;
    }

    SyslogMessage parse(TextCursor in, int priority, Instant receivedAt) {
        Instant timestamp = timestamp(in, receivedAt);
        if (timestamp == null) {
            return new SyslogMessage(priority, null, null, null, null, null, Map.of(), in.rest());
        }
        in.skipSpaces();
        String hostname = null;
        int afterTimestamp = in.position();
        String first = in.word();
        if (first.isEmpty() || first.endsWith(":") || first.length() > EventLimits.MAX_NAME_CHARS) {
            in.moveTo(afterTimestamp);
        } else {
            hostname = first;
            in.skipSpaces();
        }
        int tagStart = in.position();
        Tag tag = Tag.parse(in.word());
        if (tag == null) {
            in.moveTo(tagStart);
        } else {
            in.skip(' ');
        }
        return new SyslogMessage(priority, timestamp, hostname, tag == null ? null : tag.name(),
                tag == null ? null : tag.pid(), null, Map.of(), in.rest());
    }

    /** Reads a timestamp at the cursor; null (and the cursor unmoved) when there is none. */
    private Instant timestamp(TextCursor in, Instant receivedAt) {
        String text = in.text();
        int start = in.position();
        Matcher bsd = TIMESTAMP.matcher(text).region(start, text.length());
        if (bsd.lookingAt()) {
            Instant at = inferYear(bsd, receivedAt);
            if (at != null) {
                in.moveTo(bsd.end());
            }
            return at;
        }
        if (Character.isDigit(in.peek())) {
            try {
                return Rfc5424Parser.lenientTimestamp(in.word());
            } catch (SyslogParseException notRfc3339) {
                in.moveTo(start);
            }
        }
        return null;
    }

    private Instant inferYear(Matcher bsd, Instant receivedAt) {
        int month = MONTHS.indexOf(bsd.group(1).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return null;
        }
        String fraction = bsd.group(6) == null ? "" : bsd.group(6);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        int receivedYear = receivedAt.atZone(zone).getYear();
        Instant best = null;
        for (int year = receivedYear - 1; year <= receivedYear + 1; year++) {
            Instant candidate = instant(year, month, bsd, nanos);
            if (candidate != null && (best == null || distance(candidate, receivedAt) < distance(best, receivedAt))) {
                best = candidate;
            }
        }
        return best;
    }

    /** Null for dates that do not exist (Feb 29 outside a leap year, hour 25): then it is no timestamp. */
    private Instant instant(int year, int month, Matcher bsd, int nanos) {
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(bsd.group(2)),
                    Integer.parseInt(bsd.group(3)), Integer.parseInt(bsd.group(4)), Integer.parseInt(bsd.group(5)), nanos);
            return ZonedDateTime.of(local, zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static long distance(Instant a, Instant b) {
        return Duration.between(a, b).abs().toMillis();
    }

    /** "app:", "app[123]:" or "app[123]". */
    private record Tag(String name, String pid) {

        static Tag parse(String word) {
            String body = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
            int open = body.indexOf('[');
            boolean withPid = open > 0 && body.endsWith("]");
            if (body.length() == word.length() && !withPid) {
                return null;
            }
            String name = withPid ? body.substring(0, open) : body;
            if (name.isEmpty() || name.length() > EventLimits.MAX_NAME_CHARS) {
                return null;
            }
            return new Tag(name, withPid ? body.substring(open + 1, body.length() - 1) : null);
        }
    }
}
