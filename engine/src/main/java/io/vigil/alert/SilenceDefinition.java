package io.vigil.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** A silence kept as code: alerts that pass all its matchers are not notified from {@code start} until {@code end}. */
public record SilenceDefinition(Matchers matchers, Instant start, Instant end, String creator, String comment)
        implements Serializable {

    public SilenceDefinition {
        Objects.requireNonNull(matchers, "matchers");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(comment, "comment");
    }

    /** From start (inclusive) to end (exclusive). */
    public boolean activeAt(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public boolean silences(Function<String, String> values, Instant time) {
        return activeAt(time) && matchers.matches(values);
    }
}
