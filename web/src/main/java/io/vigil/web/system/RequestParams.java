package io.vigil.web.system;

import io.vigil.service.DurationFormat;
import io.vigil.store.jdbc.QueryLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks query parameters, answering 400 with a detail that names the parameter and quotes its value. */
public final class RequestParams {

    private RequestParams() {
    }

    /** A text parameter trimmed, or null when it is absent or blank (a form's empty field means "any"). */
    public static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A page size within the stores' bounds. */
    public static int limit(int limit) {
        if (limit < 1 || limit > QueryLimits.MAX) {
            throw badValue("limit", Integer.toString(limit), "a number from 1 to " + QueryLimits.MAX);
        }
        return limit;
    }

    /** An ISO-8601 instant ("2026-11-21T10:15:30Z" or with an offset), or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw badValue(name, value, "an ISO-8601 time such as 2026-11-21T10:15:30Z");
        }
    }

    /** One of {@code allowed} in any case (returned in upper case), or null when absent. */
    public static String oneOf(String name, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw badValue(name, value, expectedOneOf(allowed));
        }
        return upper;
    }

    /**
     * A comma-separated list ({@code WARNING,CRITICAL}; a repeated parameter arrives joined the same
     * way) of values from {@code allowed}, in any case (returned in upper case, each once, in the
     * order given); empty when absent. The detail quotes the first bad entry.
     */
    public static List<String> eachOneOf(String name, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            String upper = entry.trim().toUpperCase(Locale.ROOT);
            if (!allowed.contains(upper)) {
                throw badValue(name, entry, expectedOneOf(allowed));
            }
            if (!checked.contains(upper)) {
                checked.add(upper);
            }
        }
        return List.copyOf(checked);
    }

    /** A duration such as "30m" or "2h" from 1 second up to {@code max}. */
    public static Duration duration(String name, String value, Duration max) {
        Duration duration = value == null ? null : DurationFormat.parse(value.trim());
        if (duration == null || duration.isZero() || duration.compareTo(max) > 0) {
            throw badValue(name, String.valueOf(value), "a duration from 1s to " + DurationFormat.format(max) + ", "
                    + DurationFormat.EXAMPLES);
        }
        return duration;
    }

    public static ResponseStatusException notFound(String what, long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** 400: "parameter "name" has the bad value "value": expected …". */
    public static ResponseStatusException badValue(String name, String value, String expected) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "parameter \"" + name + "\" has the bad value \"" + value + "\": expected " + expected);
    }

    private static String expectedOneOf(Collection<String> allowed) {
        return "one of " + String.join(", ", allowed.stream().sorted().toList());
    }
}
