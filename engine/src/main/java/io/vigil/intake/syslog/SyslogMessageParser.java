package io.vigil.intake.syslog;

import io.vigil.intake.http.EventLimits;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one syslog message (RFC 5424, or RFC 3164 and the variants rsyslog and {@code logger}
 * send) into an event draft: HOSTNAME → resource (the peer when missing), APP-NAME/TAG → check
 * ("syslog" when missing), PRI → severity with the facility kept as attribute {@code facility},
 * PROCID, MSGID and structured data → attributes, the peer → source ("syslog:10.0.0.7"). There is
 * no status: the rules derive it from the severity. A MSG longer than an event's message may be
 * (64 Ki characters) is cut and the event flagged {@code truncated=true}; the raw line keeps it
 * whole; bytes that are not valid UTF-8 are kept as received beside it ({@link EventDraft#rawBytes()}).
 * Thread-safe.
 */
public final class SyslogMessageParser {

    private static final int MAX_PRIORITY = 191;
    private static final String DEFAULT_CHECK = "syslog";
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock",
            "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");

    private final Rfc3164Parser rfc3164;

    /** @param rfc3164Zone the zone RFC 3164 timestamps (which carry none) are read in */
    public SyslogMessageParser(ZoneId rfc3164Zone) {
        this.rfc3164 = new Rfc3164Parser(rfc3164Zone);
    }

    /**
     * @param frame one message as received, without framing (trailing CR, LF and NUL are ignored)
     * @param peer  the sender's address, e.g. "10.0.0.7"
     * @throws SyslogParseException with the reason when the message cannot become an event
     */
    public EventDraft parse(byte[] frame, String transport, String peer, Instant receivedAt) {
        return parse(frame, transport, peer, null, receivedAt);
    }

    /** @param source the event's source, or null for {@code "syslog:" + peer} */
    public EventDraft parse(byte[] frame, String transport, String peer, String source, Instant receivedAt) {
        String decoded = strictUtf8(frame);
        byte[] rawBytes = null;
        if (decoded == null) {
            // Invalid UTF-8 becomes U+FFFD in the text: the bytes as received are kept beside it.
            decoded = new String(frame, StandardCharsets.UTF_8);
            rawBytes = frame.clone();
        }
        String line = withoutLineEnd(decoded);
        if (line.isEmpty()) {
            throw new SyslogParseException("empty message");
        }
        TextCursor in = new TextCursor(line);
        int priority = priority(in);
        SyslogMessage message;
        int version = rfc5424Version(line, in.position());
        if (version > 0) {
            in.moveTo(line.indexOf(' ', in.position()) + 1);
            message = Rfc5424Parser.parse(in, priority);
        } else {
            message = rfc3164.parse(in, priority, receivedAt);
        }
        BoundedAttributes attributes = attributes(message);
        if (version > 1) {
            attributes.put("version", Integer.toString(version));
        }
        String text = message.message();
        if (text.length() > EventLimits.MAX_MESSAGE_CHARS) {
            int end = EventLimits.MAX_MESSAGE_CHARS;
            text = text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
            attributes.markTruncated();
        }
        return new EventDraft(receivedAt, message.timestamp() == null ? receivedAt : message.timestamp(), transport,
                source == null ? "syslog:" + peer : source, nameOr(message.hostname(), peer),
                nameOr(message.appName(), DEFAULT_CHECK), null, Severity.ofCode(priority & 7), text, attributes.map, line,
                rawBytes);
    }

    /**
     * RFC 5424's VERSION (NONZERO-DIGIT 0*2DIGIT, then SP) right after the PRI, or 0 when the line
     * does not have one and is read as RFC 3164. A line with a version is RFC 5424 shaped and parsed
     * strictly, whatever the version: never guessed at as RFC 3164, which would misfile it.
     */
    private static int rfc5424Version(String line, int at) {
        int version = 0;
        int i = at;
        while (i < line.length() && i - at < 3 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            if (i == at && line.charAt(i) == '0') {
                return 0;
            }
            version = version * 10 + line.charAt(i) - '0';
            i++;
        }
        return i > at && i < line.length() && line.charAt(i) == ' ' ? version : 0;
    }

    /** A HOSTNAME or APP-NAME that is missing or only white space (a tab, a line feed) names nothing. */
    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static int priority(TextCursor in) {
        if (!in.skip('<')) {
            throw new SyslogParseException("missing PRI: expected \"<\" at the start, got " + in.preview());
        }
        int value = 0;
        int digits = 0;
        while (digits < 3 && Character.isDigit(in.peek())) {
            value = value * 10 + (in.next() - '0');
            digits++;
        }
        if (digits == 0 || !in.skip('>') || value > MAX_PRIORITY) {
            int close = in.text().indexOf('>');
            String pri = close > 0 && close < 6 ? in.text().substring(0, close + 1) : in.text();
            throw new SyslogParseException("invalid PRI " + SyslogText.quote(pri) + " (expected <0> to <191>)");
        }
        return value;
    }

    private static BoundedAttributes attributes(SyslogMessage message) {
        BoundedAttributes attributes = new BoundedAttributes();
        attributes.put("facility", FACILITIES.get(message.priority() >> 3));
        attributes.put("procid", message.procId());
        attributes.put("msgid", message.msgId());
        message.structuredData().forEach(attributes::put);
        return attributes;
    }

    /**
     * Attributes within the journal's budget (a long structured data section would not fit its
     * column): what does not fit is dropped, flagged with truncated=true (as is a cut message);
     * the raw line keeps it all.
     */
    private static final class BoundedAttributes {

        private static final String TRUNCATED = "truncated";

        private final Map<String, String> map = new LinkedHashMap<>();
        private int left = EventLimits.MAX_ATTRIBUTE_CHARS - TRUNCATED.length() - "true".length();

        void put(String key, String value) {
            if (value == null) {
                return;
            }
            int size = key.length() + value.length();
            if (size > left || key.length() > EventLimits.MAX_NAME_CHARS) {
                markTruncated();
                return;
            }
            left -= size;
            map.put(key, value);
        }

        void markTruncated() {
            map.put(TRUNCATED, "true");
        }
    }

    /** The frame as UTF-8 text, or null when it is not valid UTF-8; plain ASCII (the usual syslog line) takes the short way. */
    private static String strictUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    return null;
                }
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String withoutLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\0')) {
            end--;
        }
        return line.substring(0, end);
    }
}
