package io.vigil.session;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; the message lists every error as {@code path:line:column: text}. */
public final class RuleSetCompileException extends RuntimeException {

    /**
     * One compile error or warning at {@code line} and {@code column}, both 1-based; 0 when not known.
     * Written {@code path:line:column: text}, as compilers write theirs.
     */
    public record Problem(String path, int line, int column, String text) {
        @Override
        public String toString() {
            return (path == null ? "(rule set)" : path) + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
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
