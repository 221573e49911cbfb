package io.vigil.web.rule;

/**
 * The paths of a rule set's files as the API takes them: {@code rules/…/x.drl} and
 * {@code processes/…/x.bpmn2}; a DRL path without a top folder is taken to be under {@code rules/}.
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
        if (!(path.startsWith("rules/") && path.endsWith(".drl") || path.startsWith("processes/") && path.endsWith(".bpmn2"))) {
            return "\"" + path + "\" is neither a DRL file under rules/ nor a BPMN2 file under processes/";
        }
        return null;
    }
}
