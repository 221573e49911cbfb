package io.vigil.alert;

import java.io.Serial;

/** A matcher that cannot be read; the message quotes it and says what is wrong, ready for an API error. */
public final class MatcherSyntaxException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    MatcherSyntaxException(String text, String problem) {
        super("matcher " + Matcher.quote(text) + ": " + problem);
    }
}
