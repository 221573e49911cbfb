package io.vigil.alert;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager-style matcher: {@code name="value"}, {@code name!="value"}, {@code name=~"regex"}
 * or {@code name!~"regex"}. A regex must match the whole value ({@code ^(?:regex)$}, as in
 * Alertmanager) and uses Java syntax. A name is a field or an attribute, see {@link MatchTarget}.
 * The value is in double quotes; inside them {@code \"}, {@code \\} and {@code \n} are the only
 * escapes, so a regex's backslash is written twice: {@code check=~"disk\\d+"}.
 */
public final class Matcher implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.:@-]*)\\s*(=~|!~|!=|=)\\s*\"(.*)\"\\s*", Pattern.DOTALL);
    private static final String EXPECTED = "expected name, operator (=, !=, =~, !~) and a quoted value";

    private final String name;
    private final Operator operator;
    private final String value;
    /** Compiled once; null for = and !=. */
    private final Pattern regex;

    private Matcher(String name, Operator operator, String value, Pattern regex) {
        this.name = name;
        this.operator = operator;
        this.value = value;
        this.regex = regex;
    }

    /** Reads one matcher as written, e.g. {@code region=~"eu-.*"}. */
    public static Matcher parse(String text) {
        java.util.regex.Matcher parts = SYNTAX.matcher(text);
        if (!parts.matches()) {
            throw new MatcherSyntaxException(text, EXPECTED);
        }
        String value = unescape(text, parts.group(3));
        return of(text, parts.group(1), Operator.of(parts.group(2)), value);
    }

    /** A matcher built in code; the name must be one the syntax allows, the regex must compile. */
    public static Matcher of(String name, Operator operator, String value) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        String text = name + operator.symbol() + quote(value);
        if (name == null || !SYNTAX.matcher(text).matches()) {
            throw new MatcherSyntaxException(text, EXPECTED);
        }
        return of(text, name, operator, value);
    }

    private static Matcher of(String text, String name, Operator operator, String value) {
        if (!operator.regex()) {
            return new Matcher(name, operator, value, null);
        }
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            String near = e.getIndex() < 0 ? "" : " near index " + e.getIndex();
            throw new MatcherSyntaxException(text, "invalid regex: " + e.getDescription() + near);
        }
        return new Matcher(name, operator, value, Pattern.compile("^(?:" + value + ")$"));
    }

    public String name() {
        return name;
    }

    public Operator operator() {
        return operator;
    }

    /** The value as meant (unescaped): the text to compare with, or the regex. */
    public String value() {
        return value;
    }

    /** Whether the value of {@link #name()} passes; a value that is absent (null) counts as "", as in Alertmanager. */
    public boolean matches(Function<String, String> valueOf) {
        String actual = valueOf.apply(name);
        return matchesValue(actual == null ? "" : actual);
    }

    /** True when an absent value passes, e.g. {@code team!="ops"} or {@code team=~".*"}. */
    public boolean matchesEmpty() {
        return matchesValue("");
    }

    private boolean matchesValue(String actual) {
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> regex.matcher(actual).matches();
            case NOT_REGEX -> !regex.matcher(actual).matches();
        };
    }

    /** The canonical spelling that {@link #parse} reads back, e.g. {@code check=~"disk|mysql"}. */
    @Override
    public String toString() {
        return name + operator.symbol() + quote(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matcher that && name.equals(that.name) && operator == that.operator
                && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, operator, value);
    }

    /** Double quotes around the text with {@code "}, {@code \} and newlines escaped. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String unescape(String text, String quoted) {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw new MatcherSyntaxException(text, EXPECTED);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i == quoted.length()) {
                throw new MatcherSyntaxException(text, EXPECTED);
            }
            char escaped = quoted.charAt(i);
            switch (escaped) {
                case '\\', '"' -> value.append(escaped);
                case 'n' -> value.append('\n');
                default -> throw new MatcherSyntaxException(text, "invalid escape \\" + escaped
                        + " in value (the only escapes are \\\", \\\\ and \\n)");
            }
        }
        return value.toString();
    }

    /** How a matcher compares; {@link #symbol()} is how it is written. */
    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException("no operator \"" + symbol + "\"");
        }
    }
}
