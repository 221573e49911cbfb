package io.vigil.intake.http;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one request; keeps the first {@code cap} and counts the rest. */
public final class FieldErrors {

    private final int cap;
    private final List<FieldError> reported = new ArrayList<>();
    private int total;
    private boolean tooLarge;

    public FieldErrors(int cap) {
        this.cap = cap;
    }

    public void add(int index, String field, String value, String message) {
        total++;
        if (reported.size() < cap) {
            reported.add(new FieldError(index, field, value, message));
        }
    }

    /** An event the journal would never store, whatever else is fixed: the request is answered as too large. */
    public void addTooLarge(int index, String field, String message) {
        tooLarge = true;
        add(index, field, null, message);
    }

    public int total() {
        return total;
    }

    public void throwIfAny() {
        if (total > 0) {
            throw new EventValidationException(tooLarge ? EventValidationException.Kind.TOO_LARGE
                    : EventValidationException.Kind.INVALID, reported, total);
        }
    }
}
