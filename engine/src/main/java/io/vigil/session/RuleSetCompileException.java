package io.vigil.session;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; the message lists every error as {@code path:line:column: text}. */
public final class RuleSetCompileException extends RuntimeException {

    /** One compile error; {@code line} and {@code column} are 0 or -1 when Drools does not know them. */
    public record Problem(String path, int line, int column, String text) {
        @Override
        public String toString() {
            return (path == null ? "(rule set)" : path) + (line > 0 ? ":" + line + ":" + Math.max(column, 0) : "")
                    + ": " + text;
        }
    }

    private final transient List<Problem> problems;

    public RuleSetCompileException(List<Problem> problems) {
        super("rule set does not compile:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
