package io.vigil.session.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replay command line: {@code --events FILE.jsonl [--services FILE.yml] [--policies FILE.yml]
 * [--rules DIR] [--until ISO-8601] [--escalate-after 15m]}, or {@code [--rules DIR] --tests} to run
 * the rule set's rule tests instead of events; {@code services}, {@code policies} and {@code rules}
 * are null when not given ({@code rules} null: the rules shipped in the jar).
 */
record ReplayOptions(Path events, Path services, Path policies, Path rules, Instant until, Duration escalateAfter,
                     boolean tests) {

    static final String USAGE = "usage: replay --events FILE.jsonl [--services FILE.yml|FILE.json]"
            + " [--policies FILE.yml] [--rules DIR] [--until ISO-8601] [--escalate-after 15m]\n"
            + "       replay [--rules DIR] --tests";
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    static ReplayOptions parse(String[] args) {
        Path events = null;
        Path services = null;
        Path policies = null;
        Path rules = null;
        Instant until = null;
        Duration escalateAfter = Duration.ofMinutes(15);
        boolean tests = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--tests")) {
                tests = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--events" -> events = Path.of(value);
                case "--services" -> services = Path.of(value);
                case "--policies" -> policies = Path.of(value);
                case "--rules" -> rules = Path.of(value);
                case "--until" -> until = instant(value);
                case "--escalate-after" -> escalateAfter = duration(value);
                default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
            }
        }
        if (tests && (events != null || services != null || policies != null || until != null)) {
            throw new IllegalArgumentException("--tests runs the rule set's own tests and takes only --rules");
        }
        if (events == null && !tests) {
            throw new IllegalArgumentException("--events is required (or --tests to run the rule tests)");
        }
        return new ReplayOptions(events, services, policies, rules, until, escalateAfter, tests);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--until \"" + value + "\" is not an ISO-8601 time with offset,"
                    + " e.g. 2026-01-05T10:30:00Z");
        }
    }

    /** "15m", "30s", "1h", "500ms", "1d", or ISO-8601 "PT15M". */
    static Duration duration(String value) {
        Matcher simple = SIMPLE_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        Duration duration;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                duration = Duration.ZERO;
            }
        }
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("--escalate-after \"" + value
                    + "\" is not a positive duration like 15m, 30s, 1h or PT15M");
        }
        return duration;
    }
}
