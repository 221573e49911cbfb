package io.vigil.intake.syslog;

/** A position in one syslog line, for the hand-written parsers (no regex on the hot path). */
final class TextCursor {

    private final String text;
    private int position;

    TextCursor(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    int position() {
        return position;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    /** Consumes and returns the next character; call only when not {@link #atEnd()}. */
    char next() {
        return text.charAt(position++);
    }

    /** Consumes {@code c} if it is next. */
    boolean skip(char c) {
        if (!atEnd() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (!atEnd() && text.charAt(position) == ' ') {
            position++;
        }
    }

    /** The characters up to the next space or the end (possibly empty); the space is not consumed. */
    String word() {
        int start = position;
        int space = text.indexOf(' ', start);
        position = space < 0 ? text.length() : space;
        return text.substring(start, position);
    }

    String rest() {
        String rest = text.substring(Math.min(position, text.length()));
        position = text.length();
        return rest;
    }

    String text() {
        return text;
    }

    /** The next few characters, printable, for quoting in an error. */
    String preview() {
        return SyslogText.quote(text.substring(Math.min(position, text.length())));
    }
}
