package io.vigil.web.alert;

import io.vigil.alert.Matcher;
import io.vigil.alert.MatcherSyntaxException;
import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;

import java.time.Instant;
import java.util.List;

/**
 * What a silence must be however it is asked for (the API's JSON body, the console's form): each
 * part is checked on its own and every problem is added to the asker's list, named as the asker
 * calls the part ({@code matchers[1]} in the API, {@code line 2} in the form).
 */
final class SilenceChecks {

    static final int MAX_MATCHERS = 20;
    static final int MAX_COMMENT = 1024;

    /** A time as asked: the field it came from and how a message shows it. */
    record When(String field, Instant at, String shown) {
    }

    private SilenceChecks() {
    }

    /** {@code text} read as one matcher; null, with the problem named {@code where}, when it is not one. */
    static Matcher matcher(String where, String text, List<String> errors) {
        try {
            return Matcher.parse(text);
        } catch (MatcherSyntaxException e) {
            errors.add(where + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The comment without surrounding blanks; null, with the problem, when it is blank or too long.
     *
     * @param got what to quote of a value that is not text at all, or null to quote nothing
     */
    static String comment(String field, String text, String got, List<String> errors) {
        if (text == null || text.isBlank() || text.length() > MAX_COMMENT) {
            errors.add(field + ": expected 1 to " + MAX_COMMENT + " characters of text" + (got == null ? "" : ", got " + got));
            return null;
        }
        return text.strip();
    }

    /**
     * The silence, once its parts are read (null where one was bad): null, with the problems,
     * unless it ends after it starts, its matchers name something, and no problem came before.
     */
    static SilenceDefinition definition(String matchersField, Matchers matchers, When start, When end, String creator,
                                        String comment, List<String> errors) {
        if (start.at() != null && end.at() != null && !end.at().isAfter(start.at())) {
            errors.add(end.field() + ": " + end.shown() + " is not after " + start.field() + " " + start.shown());
        }
        if (matchers != null && !matchers.isEmpty() && matchers.matchEverything()) {
            errors.add(matchersField + ": every matcher matches an empty value, so the silence would match every alert;"
                    + " at least one must name something");
        }
        return errors.isEmpty() ? new SilenceDefinition(matchers, start.at(), end.at(), creator, comment) : null;
    }
}
