package io.vigil.intake.syslog;

import io.vigil.intake.http.EventLimits;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * RFC 5424 after "PRI VERSION SP": TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG],
 * exactly per the RFC's ABNF: header fields are NILVALUE or printable US-ASCII (no control
 * characters, no spaces, nothing beyond ASCII) within the RFC's lengths, the timestamp is RFC 3339
 * as section 6.2.3 restricts it (upper-case T and Z, at most six fraction digits, no leap second),
 * structured data per {@link StructuredDataParser}. Strict because a wrong guess would file an event
 * under the wrong resource; every refusal names the field and what is wrong with it.
 */
final class Rfc5424Parser {

    private static final String NIL = "-";
    private static final char BOM = '\uFEFF';
    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_APP_NAME = 48;
    private static final int MAX_PROCID = 128;
    private static final int MAX_MSGID = 32;
    private static final int MAX_SECFRAC_DIGITS = 6;

    private Rfc5424Parser() {
    }

    static SyslogMessage parse(TextCursor in, int priority) {
        String timestamp = headerField(in, "TIMESTAMP", Integer.MAX_VALUE);
        String hostname = headerField(in, "HOSTNAME", MAX_HOSTNAME);
        String appName = headerField(in, "APP-NAME", MAX_APP_NAME);
        String procId = headerField(in, "PROCID", MAX_PROCID);
        String msgId = headerField(in, "MSGID", MAX_MSGID);
        Map<String, String> structuredData = StructuredDataParser.parse(in);
        String message = "";
        if (!in.atEnd()) {
            if (!in.skip(' ')) {
                throw new SyslogParseException("invalid RFC 5424 message: expected a space after the structured data, got "
                        + in.preview());
            }
            message = in.rest();
            if (!message.isEmpty() && message.charAt(0) == BOM) {
                message = message.substring(1);
            }
        }
        return new SyslogMessage(priority, NIL.equals(timestamp) ? null : timestamp(timestamp), nil(hostname),
                nil(appName), nil(procId), nil(msgId), structuredData, message);
    }

    /**
     * FULL-DATE "T" PARTIAL-TIME TIME-OFFSET (RFC 5424 section 6.2.3). Offsets run to ±23:59 as the
     * ABNF allows, beyond java.time's ±18:00: the time is converted to UTC by hand.
     */
    static Instant timestamp(String text) {
        TimestampReader at = new TimestampReader(text);
        int year = at.digits(4, "year");
        at.expect('-', "after the year");
        int month = at.digits(2, "month");
        at.expect('-', "after the month");
        int day = at.digits(2, "day");
        at.expect('T', "between date and time (upper case)");
        int hour = at.digits(2, "hour");
        at.expect(':', "after the hour");
        int minute = at.digits(2, "minute");
        at.expect(':', "after the minute");
        int second = at.digits(2, "second");
        int nanos = 0;
        if (at.skip('.')) {
            int digits = 0;
            int fraction = 0;
            while (at.isDigit()) {
                fraction = fraction * 10 + at.next() - '0';
                if (++digits > MAX_SECFRAC_DIGITS) {
                    throw at.invalid("more than six digits of fractional seconds");
                }
            }
            if (digits == 0) {
                throw at.invalid("no digits after the decimal point");
            }
            nanos = fraction * (int) Math.pow(10, 9 - digits);
        }
        int offsetSeconds;
        if (at.skip('Z')) {
            offsetSeconds = 0;
        } else {
            int sign = at.skip('+') ? 1 : at.skip('-') ? -1 : 0;
            if (sign == 0) {
                throw at.invalid("expected the offset: Z, +hh:mm or -hh:mm (upper-case Z)");
            }
            int offsetHours = at.digits(2, "offset hours");
            at.expect(':', "in the offset");
            int offsetMinutes = at.digits(2, "offset minutes");
            if (offsetHours > 23 || offsetMinutes > 59) {
                throw at.invalid("offset out of range (at most 23:59)");
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
        }
        if (!at.atEnd()) {
            throw at.invalid("unexpected characters after the offset");
        }
        if (second == 60) {
            throw at.invalid("leap second (RFC 5424 forbids them)");
        }
        Instant instant;
        try {
            instant = LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC)
                    .minusSeconds(offsetSeconds);
        } catch (DateTimeException e) {
            throw at.invalid("no such date or time (" + e.getMessage() + ")");
        }
        if (!EventLimits.isStorable(instant)) {
            throw new SyslogParseException("timestamp " + SyslogText.quote(text) + " is out of range (expected 1970 to 9999)");
        }
        return instant;
    }

    /** The lenient RFC 3339 reading RFC 3164 lines get (rsyslog's high-precision format there, say). */
    static Instant lenientTimestamp(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SyslogParseException("invalid RFC 3339 timestamp " + SyslogText.quote(text));
        }
        if (!EventLimits.isStorable(at)) {
            throw new SyslogParseException("timestamp " + SyslogText.quote(text) + " is out of range (expected 1970 to 9999)");
        }
        return at;
    }

    /** NILVALUE or 1*max PRINTUSASCII, then exactly one space. */
    private static String headerField(TextCursor in, String name, int maxLength) {
        String value = in.word();
        if (value.isEmpty()) {
            throw new SyslogParseException(in.atEnd() ? "truncated RFC 5424 header: missing " + name
                    : "invalid RFC 5424 header: empty " + name + " (two spaces in a row?)");
        }
        if (!in.skip(' ')) {
            throw new SyslogParseException("truncated RFC 5424 header: nothing after " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                throw new SyslogParseException("invalid RFC 5424 " + name + " " + SyslogText.quote(value) + ": "
                        + (c < 32 || c == 127 ? "control character" : "character outside printable US-ASCII")
                        + String.format(" U+%04X at position %d", (int) c, i + 1));
            }
        }
        if (value.length() > maxLength) {
            throw new SyslogParseException("invalid RFC 5424 " + name + ": longer than " + maxLength + " characters ("
                    + value.length() + "): " + SyslogText.quote(value));
        }
        return value;
    }

    private static String nil(String value) {
        return NIL.equals(value) ? null : value;
    }

    /** A cursor over one timestamp whose errors quote it whole and say what was expected where. */
    private static final class TimestampReader {

        private final String text;
        private int position;

        TimestampReader(String text) {
            this.text = text;
        }

        int digits(int count, String what) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                if (!isDigit()) {
                    throw invalid("expected " + count + " digits of the " + what);
                }
                value = value * 10 + next() - '0';
            }
            return value;
        }

        void expect(char c, String where) {
            if (!skip(c)) {
                throw invalid("expected '" + c + "' " + where);
            }
        }

        boolean skip(char c) {
            if (position < text.length() && text.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        boolean isDigit() {
            return position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9';
        }

        char next() {
            return text.charAt(position++);
        }

        boolean atEnd() {
            return position >= text.length();
        }

        SyslogParseException invalid(String reason) {
            return new SyslogParseException("invalid RFC 5424 TIMESTAMP " + SyslogText.quote(text) + ": " + reason
                    + " at position " + (Math.min(position, text.length()) + 1));
        }
    }
}
