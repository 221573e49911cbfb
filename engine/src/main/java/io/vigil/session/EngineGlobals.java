package io.vigil.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The globals the engine gives every session — the only ways rules reach the world — and the check
 * that a rule set declares no other: a rule set asking for a global nobody sets would fail on its
 * first firing, so it is refused where it is written, with file, line and column.
 */
final class EngineGlobals {

    /** The global names the engine sets (see {@link EngineSession}). */
    static final Set<String> NAMES = Set.of("outcomes", "incidents", "services", "alerts");

    // "global <type> <name>" at the start of a line (DRL allows it nowhere else).
    private static final Pattern DECLARATION = Pattern.compile("^(\\s*global\\s+)([\\w.$<>\\[\\], ]+?)\\s+(\\w+)\\s*;?\\s*$");

    private EngineGlobals() {
    }

    static List<RuleSetCompileException.Problem> check(Map<String, String> sources) {
        List<RuleSetCompileException.Problem> problems = new ArrayList<>();
        sources.forEach((path, source) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            String[] lines = source.split("\r?\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher declaration = DECLARATION.matcher(lines[i]);
                if (declaration.matches() && !NAMES.contains(declaration.group(3))) {
                    problems.add(new RuleSetCompileException.Problem(path, i + 1, declaration.start(3) + 1,
                            "global \"" + declaration.group(3) + "\" is not provided by the engine (it provides "
                                    + String.join(", ", new TreeSet<>(NAMES)) + ")"));
                }
            }
        });
        return problems;
    }
}
