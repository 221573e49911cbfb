package io.vigil.web.rule;

import io.vigil.session.RuleSet;

/**
 * The paths of a rule set's files as the API takes them: {@code rules/…/x.drl},
 * {@code processes/…/x.bpmn2} and {@code rule-tests/…/x.yml}; a DRL path without a top folder is
 * taken to be under {@code rules/}.
 */
final class RuleSetPaths {

    private RuleSetPaths() {
    }

    static String normalized(String given) {
        String path = given.strip().replace('\\', '/');
        if (path.endsWith(".drl") && !path.startsWith("rules/")) {
            return "rules/" + path;
        }
        return path;
    }

    /** Why the path cannot be a rule set file, or null when it can. */
    static String problem(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("//")) {
            return "\"" + path + "\" is not a relative path inside the rule set";
        }
        if (!(path.startsWith("rules/") && path.endsWith(".drl") || path.startsWith("processes/") && path.endsWith(".bpmn2")
                || RuleSet.isRuleTest(path))) {
            return "\"" + path + "\" is neither a DRL file under rules/, a BPMN2 file under processes/ nor a rule test"
                    + " rule-tests/…/*.yml";
        }
        return null;
    }
}
