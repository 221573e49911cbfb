package io.vigil.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What {@code java -jar vigil.jar ARGS} asks for: the server (with {@code --name=value}
 * settings), {@code replay}, or help; anything else is refused with one line before anything
 * starts. Server settings must name a property Vigil or Spring Boot has ({@code vigil.},
 * {@code server.}, {@code spring.}, {@code logging.}, {@code management.}, {@code springdoc.},
 * {@code PORT}, {@code debug}, {@code trace}), so that a typo does not start a server on defaults.
 *
 * @param args the arguments for the server or replay; empty otherwise
 * @param text the help text, or the reason a command line is refused
 */
record VigilCommandLine(Kind kind, List<String> args, String text) {

    enum Kind { SERVER, REPLAY, HELP, INVALID }

    static final String REPLAY = "replay";

    private static final Set<String> HELP = Set.of("--help", "-h", "help");
    private static final List<String> SETTING_PREFIXES = List.of("vigil.", "server.", "spring.", "logging.", "management.",
            "springdoc.");
    private static final Set<String> SETTINGS = Set.of("PORT", "debug", "trace");

    static VigilCommandLine parse(String... args) {
        List<String> all = Arrays.asList(args);
        if (!all.isEmpty() && all.get(0).equals(REPLAY)) {
            List<String> options = all.subList(1, all.size());
            return options.contains("--help") || options.contains("-h") ? help("replay-usage.txt")
                    : new VigilCommandLine(Kind.REPLAY, List.copyOf(options), null);
        }
        if (all.stream().anyMatch(HELP::contains)) {
            return help("usage.txt");
        }
        for (String arg : all) {
            String refusal = refusal(arg);
            if (refusal != null) {
                return new VigilCommandLine(Kind.INVALID, List.of(), refusal);
            }
        }
        return new VigilCommandLine(Kind.SERVER, List.copyOf(all), null);
    }

    /** Why the server cannot take {@code arg}, or null when it can. */
    private static String refusal(String arg) {
        if (arg.startsWith("--")) {
            String name = arg.substring(2, arg.contains("=") ? arg.indexOf('=') : arg.length());
            boolean known = SETTINGS.contains(name) || SETTING_PREFIXES.stream().anyMatch(p -> name.startsWith(p) && name.length() > p.length());
            if (known && (arg.contains("=") || SETTINGS.contains(name))) {
                return null;
            }
            return "unknown option \"" + arg + "\": settings are --name=value with a name of vigil.*, server.*, spring.*, "
                    + "logging.*, management.* or PORT, e.g. --server.port=9090 (see --help)";
        }
        if (arg.startsWith("-D") || arg.startsWith("-X")) {
            return "\"" + arg + "\" is an option for java: put it before -jar, as in java " + arg + " -jar vigil.jar";
        }
        if (arg.startsWith("-")) {
            return "unknown option \"" + arg + "\" (see --help)";
        }
        return "unknown command \"" + arg + "\": the commands are replay and help (see --help)";
    }

    private static VigilCommandLine help(String resource) {
        try (InputStream text = VigilCommandLine.class.getResourceAsStream("/cli/" + resource)) {
            if (text == null) {
                throw new IllegalStateException("the jar lacks its help text /cli/" + resource);
            }
            return new VigilCommandLine(Kind.HELP, List.of(), new String(text.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the help text /cli/" + resource, e);
        }
    }
}
