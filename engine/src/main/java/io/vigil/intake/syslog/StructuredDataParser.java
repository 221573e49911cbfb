package io.vigil.intake.syslog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 5424 STRUCTURED-DATA: "-" or one or more {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]},
 * with \" \\ and \] escaped in values. Parameters become "SD-ID.PARAM-NAME" → value; an element
 * without parameters becomes "SD-ID" → "" so that its presence is kept; a repeated parameter
 * (allowed by the RFC) keeps all its values, comma-separated.
 */
final class StructuredDataParser {

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
        while (in.skip('[')) {
            String id = name(in, "SD-ID");
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
