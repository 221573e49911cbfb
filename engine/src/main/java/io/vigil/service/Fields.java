package io.vigil.service;

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
 * Strict, typed access to one map of a definition. Unknown keys and values of the wrong kind are
 * reported (never thrown) so that the parser collects every problem of a document. Messages
 * read {@code <label><key> <value><where> <complaint>}, e.g. {@code weight critical -1 in element 2 is negative}.
 */
final class Fields {

    /** Weights and values beyond this could overflow the tree's exact sums. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal(1_000_000_000);

    private final Map<?, ?> map;
    private final String label;
    private final String where;
    private final String unknownWhere;
    private final Consumer<String> report;

    /**
     * @param label        put before a key, e.g. "sla " or "weight "
     * @param where        put after a value, e.g. " in element 2"
     * @param unknownWhere put after an unknown or missing key, e.g. " in sla"
     */
    Fields(Map<?, ?> map, Set<String> allowed, String label, String where, String unknownWhere,
           Consumer<String> report) {
        this.map = map;
        this.label = label;
        this.where = where;
        this.unknownWhere = unknownWhere;
        this.report = report;
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                report.accept("unknown key \"" + key + "\"" + unknownWhere);
            }
        }
    }

    /** Present with a value; a key given without one ({@code description:}) counts as absent. */
    boolean has(String key) {
        return map.get(key) != null;
    }

    /** Whether the key has a value; reports {@code missing key "x"} when not. */
    boolean require(String key) {
        if (!has(key)) {
            report.accept("missing key \"" + key + "\"" + unknownWhere);
            return false;
        }
        return true;
    }

    Object raw(String key) {
        return map.get(key);
    }

    String string(String key) {
        return typed(key, String.class, "is not a string");
    }

    /** A name or text that must say something: a blank one is reported and read as absent. */
    String nonBlank(String key) {
        String text = string(key);
        if (text != null && text.isBlank()) {
            complain(key, text, "must not be blank");
            return null;
        }
        return text;
    }

    /** False when absent (or wrong, which is reported). */
    boolean flag(String key) {
        return Boolean.TRUE.equals(typed(key, Boolean.class, "is not true or false"));
    }

    BigDecimal number(String key) {
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

    /** A weight or threshold: a number with at most {@link ServiceStatusCalculator#SCALE} decimals and a sane size. */
    BigDecimal amount(String key) {
        BigDecimal value = number(key);
        if (value == null) {
            return null;
        }
        if (Decimals.normalize(value).scale() > ServiceStatusCalculator.SCALE) {
            complain(key, value, "has more than " + ServiceStatusCalculator.SCALE + " decimals");
            return null;
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            complain(key, value, "is larger than " + MAX_AMOUNT);
            return null;
        }
        return value;
    }

    /** A whole number (2 and 2.0 alike) of at least {@code min}. */
    Integer integer(String key, int min) {
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
    Instant instant(String key) {
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

    Duration duration(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Duration duration = DurationFormat.parse(text);
        if (duration == null) {
            complain(key, text, "is not a duration (" + DurationFormat.EXAMPLES + ")");
        } else if (duration.isZero()) {
            complain(key, text, "must be longer than 0");
            return null;
        }
        return duration;
    }

    /** One of the given spellings, e.g. mode: manual|auto|simple. */
    <T> T oneOf(String key, Map<String, T> choices) {
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

    List<?> list(String key) {
        return typed(key, List.class, "is not a list");
    }

    Map<?, ?> map(String key) {
        return typed(key, Map.class, "is not a map");
    }

    void complain(String key, Object value, String complaint) {
        report.accept(label + key + " " + describe(value) + where + " " + complaint);
    }

    /** How a value is quoted in messages: strings in double quotes, numbers and flags as written. */
    static String describe(Object value) {
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
