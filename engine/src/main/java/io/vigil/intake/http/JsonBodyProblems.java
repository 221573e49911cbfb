package io.vigil.intake.http;

import tools.jackson.core.TokenStreamLocation;

import java.util.List;

/**
 * Problems with a JSON body as a whole, found and worded the same way by every JSON intake (posted
 * events, webhooks): a body that is not strict UTF-8 text, and malformed JSON.
 */
public final class JsonBodyProblems {

    private JsonBodyProblems() {
    }

    /**
     * Refuses a body that is not UTF-8 (RFC 8259 section 8.1) or that holds text no event may
     * carry: bytes that are not strict UTF-8 and lone surrogate escapes, which Jackson would pass
     * on and the database store as '?'.
     *
     * @throws EventValidationException NOT_UTF8 for UTF-16 or UTF-32, INVALID naming the place of bad text
     */
    public static void requireUtf8Text(byte[] body) {
        String encoding = BodyEncoding.detectOtherThanUtf8(body);
        if (encoding != null) {
            throw new EventValidationException(EventValidationException.Kind.NOT_UTF8, List.of(FieldError.ofBody(
                    "the body is " + encoding + ": it must be UTF-8 JSON (RFC 8259 section 8.1)")), 1);
        }
        JsonTextCheck.Problem problem = JsonTextCheck.firstProblem(body);
        if (problem != null) {
            JsonLocator.Place place = JsonLocator.locate(body, problem.offset());
            throw new EventValidationException(new FieldError(place.index(), place.field(), null, problem.describe()));
        }
    }

    /** "malformed JSON at line 1, column 22: unexpected end-of-input …", from Jackson's location and message. */
    public static EventValidationException malformed(TokenStreamLocation where, String problem) {
        String detail = problem == null || problem.isEmpty() ? "unreadable input"
                : Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
        // End-of-input messages point at a "start marker" location that says nothing to a client.
        int marker = detail.indexOf(" (start marker at ");
        detail = marker < 0 ? detail : detail.substring(0, marker);
        String at = where == null || where.getLineNr() < 0 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new EventValidationException(FieldError.ofBody("malformed JSON" + at + ": " + detail));
    }
}
