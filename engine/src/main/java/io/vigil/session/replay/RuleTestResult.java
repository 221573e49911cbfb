package io.vigil.session.replay;

import java.util.List;

/**
 * What became of one rule test.
 *
 * @param file        its path in the rule set ({@code rule-tests/…/x.yml})
 * @param passed      every check held
 * @param differences one line per expected entry that did not hold, saying what was found instead;
 *                    or the problems that kept the test from running (it does not read, an event is invalid)
 */
public record RuleTestResult(String file, String description, boolean passed, List<String> differences) {

    static RuleTestResult failed(String file, String description, List<String> differences) {
        return new RuleTestResult(file, description, false, List.copyOf(differences));
    }
}
