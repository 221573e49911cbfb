package io.vigil.alert;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * An outage of {@code check} counts as confirmed once {@code needed} distinct monitoring locations
 * have reported it failing within {@code within}.
 *
 * @param resource null when the rule holds for the check on every resource
 * @param matchers further conditions on the event's fields and attributes ({@link Matchers#NONE} for none)
 * @param needed   at least 2
 */
public record ConfirmationRule(String check, String resource, Matchers matchers, int needed, Duration within)
        implements Serializable {

    public ConfirmationRule {
        Objects.requireNonNull(check, "check");
        matchers = matchers == null ? Matchers.NONE : matchers;
        if (needed < 2) {
            throw new IllegalArgumentException("needed " + needed + " must be at least 2");
        }
        Objects.requireNonNull(within, "within");
    }

    /** @param values what the matchers look at, e.g. a {@link MatchTarget} */
    public boolean appliesTo(String resource, String check, Function<String, String> values) {
        return this.check.equals(check) && (this.resource == null || this.resource.equals(resource))
                && matchers.matches(values);
    }
}
