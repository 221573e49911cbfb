package io.vigil.intake.http;

import java.util.List;

/**
 * A posted request was refused; nothing of it may be stored. Carries every problem found (up to
 * a cap) so an integrator can fix a whole batch at once; {@link #getMessage()} lists them.
 */
public final class EventValidationException extends RuntimeException {

    /** Why the request was refused, which decides the answer (400, 413 or 415). */
    public enum Kind {
        /** Something in the events is wrong (malformed JSON, bad values, invalid UTF-8). */
        INVALID,
        /** At least one event is larger than the journal will store per event: it can never be accepted as sent. */
        TOO_LARGE,
        /** The body is not UTF-8 (UTF-16 or UTF-32). */
        NOT_UTF8
    }

    private final Kind kind;
    private final transient List<FieldError> errors;
    private final int totalErrors;

    public EventValidationException(FieldError error) {
        this(Kind.INVALID, List.of(error), 1);
    }

    /**
     * @param errors      the errors to report, in the order found
     * @param totalErrors how many were found; more than {@code errors.size()} when the list was capped
     */
    public EventValidationException(Kind kind, List<FieldError> errors, int totalErrors) {
        super(message(errors, totalErrors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    public Kind getKind() {
        return kind;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    public int getTotalErrors() {
        return totalErrors;
    }

    private static String message(List<FieldError> errors, int totalErrors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            text.append(text.length() == 0 ? "" : "; ").append(error.describe());
        }
        int unreported = totalErrors - errors.size();
        if (unreported > 0) {
            text.append("; and ").append(unreported).append(unreported == 1 ? " more error" : " more errors");
        }
        return text.toString();
    }
}
