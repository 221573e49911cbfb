package io.vigil.intake.syslog;

import io.vigil.intake.http.EventLimits;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * RFC 5424 after "PRI VERSION SP": TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG].
 * Strict about the header's shape (it is a strict format, and a wrong guess would file an event
 * under the wrong resource), lenient about field lengths up to what the journal can store.
 */
final class Rfc5424Parser {

    private static final String NIL = "-";
    private static final char BOM = '\uFEFF';

    private Rfc5424Parser() {
    }

    static SyslogMessage parse(TextCursor in, int priority) {
        String timestamp = headerField(in, "TIMESTAMP");
        String hostname = headerField(in, "HOSTNAME");
        String appName = headerField(in, "APP-NAME");
        String procId = headerField(in, "PROCID");
        String msgId = headerField(in, "MSGID");
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
        return new SyslogMessage(priority, NIL.equals(timestamp) ? null : timestamp(timestamp),
                name(hostname, "HOSTNAME"), name(appName, "APP-NAME"), nil(procId), nil(msgId), structuredData, message);
    }

    /** An RFC 3339 timestamp with an offset, within the range the journal can store. */
    static Instant timestamp(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SyslogParseException("invalid RFC 5424 timestamp " + SyslogText.quote(text));
        }
        if (!EventLimits.isStorable(at)) {
            throw new SyslogParseException("timestamp " + SyslogText.quote(text) + " is out of range (expected 1970 to 9999)");
        }
        return at;
    }

    private static String headerField(TextCursor in, String name) {
        String value = in.word();
        if (value.isEmpty()) {
            throw new SyslogParseException("truncated RFC 5424 header: missing " + name);
        }
        if (!in.skip(' ')) {
            throw new SyslogParseException("truncated RFC 5424 header: nothing after " + name);
        }
        return value;
    }

    private static String name(String value, String field) {
        if (value.length() > EventLimits.MAX_NAME_CHARS) {
            throw new SyslogParseException(field + " longer than " + EventLimits.MAX_NAME_CHARS + " characters: "
                    + SyslogText.quote(value));
        }
        return nil(value);
    }

    private static String nil(String value) {
        return NIL.equals(value) ? null : value;
    }
}
