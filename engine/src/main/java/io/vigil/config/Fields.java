package io.vigil.config;

import io.vigil.service.DurationFormat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Strict, typed access to one map of a configuration document. Unknown keys and values of the wrong
 * kind are reported (never thrown) so that a reader collects every problem of a document. How a
 * problem is worded is the caller's: the service tree's messages read
 * {@code <label><key> <value><where> <complaint>}, e.g. {@code weight critical -1 in element 2 is negative};
 * {@link #at} words them by path, e.g. {@code users.alice.email: "alice" is not an e-mail address}.
 */
public final class Fields {

    /** How a problem is put into words. */
    public interface Wording {

        /** A key's value is wrong; {@code value} is already quoted by {@link #describe}. */
        String value(String key, String value, String complaint);

        /** A problem of the map itself: an unknown or missing key. */
        String map(String problem);
    }

    private final Map<?, ?> map;
    private final Wording wording;
    private final Consumer<String> report;

    /**
     * @param label        put before a key, e.g. "sla " or "weight "
     * @param where        put after a value, e.g. " in element 2"
     * @param unknownWhere put after an unknown or missing key, e.g. " in sla"
     */
    public Fields(Map<?, ?> map, Set<String> allowed, String label, String where, String unknownWhere,
                  Consumer<String> report) {
        this(map, allowed, new Wording() {
            @Override
            public String value(String key, String value, String complaint) {
                return label + key + " " + value + where + " " + complaint;
            }

            @Override
            public String map(String problem) {
                return problem + unknownWhere;
            }
        }, report);
    }

    public Fields(Map<?, ?> map, Set<String> allowed, Wording wording, Consumer<String> report) {
        this.map = map;
        this.wording = wording;
        this.report = report;
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                report.accept(wording.map("unknown key \"" + key + "\""));
            }
        }
    }

    /**
     * Problems worded by path: {@code <path>.<key>: <value> <complaint>} and {@code <path>: unknown key "x"};
     * at the top (an empty path) {@code <key>: <value> <complaint>} and {@code unknown key "x" at top level}.
     */
    public static Fields at(Map<?, ?> map, Set<String> allowed, String path, Consumer<String> report) {
        return new Fields(map, allowed, new Wording() {
            @Override
            public String value(String key, String value, String complaint) {
                return Paths.key(path, key) + ": " + value + " " + complaint;
            }

            @Override
            public String map(String problem) {
                return path.isEmpty() ? problem + " at top level" : path + ": " + problem;
            }
        }, report);
    }

    /** Present with a value; a key given without one ({@code description:}) counts as absent. */
    public boolean has(String key) {
        return map.get(key) != null;
    }

    /** Whether the key has a value; reports {@code missing key "x"} when not. */
    public boolean require(String key) {
        if (!has(key)) {
            report.accept(wording.map("missing key \"" + key + "\""));
            return false;
        }
        return true;
    }

    public Object raw(String key) {
        return map.get(key);
    }

    public String string(String key) {
        return typed(key, String.class, "is not a string");
    }

    /** A name or text that must say something: a blank one is reported and read as absent. */
    public String nonBlank(String key) {
        String text = string(key);
        if (text != null && text.isBlank()) {
            complain(key, text, "must not be blank");
            return null;
        }
        return text;
    }

    /** False when absent (or wrong, which is reported). */
    public boolean flag(String key) {
        return Boolean.TRUE.equals(typed(key, Boolean.class, "is not true or false"));
    }

    public BigDecimal number(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            try {
                return new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                // falls through to the complaint: NaN and infinities are no numbers here
            }
        }
        complain(key, value, "is not a number");
        return null;
    }

    /** A whole number (2 and 2.0 alike) of at least {@code min}. */
    public Integer integer(String key, int min) {
        BigDecimal value = number(key);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            complain(key, value, "is not an integer");
        } else if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            complain(key, value, "must be at least " + min);
        } else if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            complain(key, value, "is larger than " + Integer.MAX_VALUE);
        } else {
            return value.intValueExact();
        }
        return null;
    }

    /** A point in time written in ISO 8601 with its offset, e.g. 2026-12-01T22:00:00Z. */
    public Instant instant(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            complain(key, text, "is not a timestamp (e.g. 2026-12-01T22:00:00Z)");
            return null;
        }
    }

    /** A duration longer than 0, see {@link DurationFormat}. */
    public Duration duration(String key) {
        Duration duration = durationOrZero(key);
        if (duration != null && duration.isZero()) {
            complain(key, raw(key), "must be longer than 0");
            return null;
        }
        return duration;
    }

    /** A duration that may be 0, e.g. a delay. */
    public Duration durationOrZero(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Duration duration = DurationFormat.parse(text);
        if (duration == null) {
            complain(key, text, "is not a duration (" + DurationFormat.EXAMPLES + ")");
        }
        return duration;
    }

    /** One of the given spellings, e.g. mode: manual|auto|simple. */
    public <T> T oneOf(String key, Map<String, T> choices) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        T choice = choices.get(text);
        if (choice == null) {
            complain(key, text, "is not one of " + String.join(", ", choices.keySet()));
        }
        return choice;
    }

    public List<?> list(String key) {
        return typed(key, List.class, "is not a list");
    }

    public Map<?, ?> map(String key) {
        return typed(key, Map.class, "is not a map");
    }

    public void complain(String key, Object value, String complaint) {
        report.accept(wording.value(key, describe(value), complaint));
    }

    /** How a value is quoted in messages: strings in double quotes, numbers and flags as written. */
    public static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Map) {
            return "(a map)";
        }
        if (value instanceof List) {
            return "(a list)";
        }
        return value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : String.valueOf(value);
    }

    private <T> T typed(String key, Class<T> type, String complaint) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        complain(key, value, complaint);
        return null;
    }
}
