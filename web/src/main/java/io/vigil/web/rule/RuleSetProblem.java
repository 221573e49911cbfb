package io.vigil.web.rule;

import io.vigil.session.RuleSetCompileException;

/**
 * One error or warning about a proposed rule set, as the API answers it.
 *
 * @param file   the file it is in (a path of the rule set), null when it concerns the whole set
 * @param line   1-based; null when not known
 * @param column 1-based; null when not known
 */
record RuleSetProblem(String file, Integer line, Integer column, String message) {

    static RuleSetProblem of(RuleSetCompileException.Problem problem) {
        return new RuleSetProblem(problem.path(), problem.line() > 0 ? problem.line() : null,
                problem.column() > 0 ? problem.column() : null, problem.text());
    }

    static RuleSetProblem ofSet(String file, String message) {
        return new RuleSetProblem(file, null, null, message);
    }
}
