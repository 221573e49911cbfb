package io.vigil.intake.syslog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * RFC 5424 STRUCTURED-DATA: "-" or one or more {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]},
 * with \" \\ and \] escaped in values (section 6.3.3: they MUST be, so an unescaped ']' is refused;
 * a backslash before any other character is kept as it is). SD-IDs and PARAM-NAMEs are 1 to 32
 * printable US-ASCII characters but '=', SP, ']' and '"'; the same SD-ID twice is refused (section
 * 6.3.2). Parameters become "SD-ID.PARAM-NAME" → value; an element without parameters becomes
 * "SD-ID" → "" so that its presence is kept; a repeated parameter (allowed by the RFC) keeps all
 * its values, comma-separated.
 */
final class StructuredDataParser {

    private static final int MAX_NAME_LENGTH = 32;

    private StructuredDataParser() {
    }

    static Map<String, String> parse(TextCursor in) {
        if (in.skip('-')) {
            return Map.of();
        }
        if (in.peek() != '[') {
            throw invalid(in, "expected '-' or '['");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        while (in.skip('[')) {
            int idAt = in.position();
            String id = name(in, "SD-ID");
            if (!ids.add(id)) {
                in.moveTo(idAt);
                throw invalid(in, "an SD-ID once per message (RFC 5424 6.3.2), but \"" + id + "\" is repeated");
            }
            if (in.peek() == ']') {
                params.putIfAbsent(id, "");
            }
            while (in.skip(' ')) {
                String param = name(in, "PARAM-NAME");
                expect(in, '=');
                expect(in, '"');
                params.merge(id + "." + param, value(in), (first, next) -> first + "," + next);
            }
            expect(in, ']');
        }
        return params;
    }

    /** SD-NAME: printable US-ASCII except '=', SP, ']' and '"'. */
    private static String name(TextCursor in, String what) {
        int start = in.position();
        while (!in.atEnd() && isNameChar(in.peek())) {
            in.next();
        }
        if (in.position() == start) {
            throw invalid(in, "expected " + what);
        }
        if (in.position() - start > MAX_NAME_LENGTH) {
            in.moveTo(start);
            throw invalid(in, what + " of at most " + MAX_NAME_LENGTH + " characters");
        }
        return in.text().substring(start, in.position());
    }

    private static boolean isNameChar(char c) {
        return c > ' ' && c < 0x7f && c != '=' && c != ']' && c != '"';
    }

    private static String value(TextCursor in) {
        StringBuilder value = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.next();
            if (c == '"') {
                return value.toString();
            }
            if (c == ']') {
                in.moveTo(in.position() - 1);
                throw invalid(in, "']' escaped as \\] inside a PARAM-VALUE");
            }
            char escaped = in.peek();
            if (c == '\\' && (escaped == '"' || escaped == '\\' || escaped == ']')) {
                value.append(in.next());
            } else {
                value.append(c);
            }
        }
        throw invalid(in, "unterminated PARAM-VALUE");
    }

    private static void expect(TextCursor in, char c) {
        if (!in.skip(c)) {
            throw invalid(in, "expected '" + c + "'");
        }
    }

    private static SyslogParseException invalid(TextCursor in, String expectation) {
        String got = in.atEnd() ? "the end of the line" : in.preview();
        return new SyslogParseException("invalid structured data at column " + (in.position() + 1) + ": "
                + expectation + ", got " + got);
    }
}
