package io.vigil.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big a run is and where its inputs and outputs are, from the system properties the pom
 * passes (CI-sized defaults there; override with -Dreliability.rounds=10 -Dreliability.freeze=75s).
 *
 * @param rounds kill -9 rounds of the server scenario
 * @param freeze how long the database stays frozen (SIGSTOP)
 * @param dbDown how long the database stays dead after kill -9
 */
record RunSize(int rounds, Duration freeze, Duration dbDown, Path jar, String distribution, Path binaries, Path output) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    static RunSize fromSystemProperties() {
        int rounds = Integer.parseInt(required("reliability.rounds"));
        if (rounds < 1) {
            throw new IllegalArgumentException("reliability.rounds must be at least 1, got " + rounds);
        }
        return new RunSize(rounds, duration("reliability.freeze"), duration("reliability.dbDown"),
                Path.of(required("vigil.jar")), required("reliability.mariadb.distribution"),
                Path.of(required("reliability.mariadb.home")), Path.of(required("reliability.output")));
    }

    private static Duration duration(String property) {
        String text = required(property);
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(property + " \"" + text + "\" is not a duration like 500ms, 20s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the reliability pom sets it for failsafe)");
        }
        return value;
    }
}
