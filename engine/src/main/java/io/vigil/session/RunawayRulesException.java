package io.vigil.session;

/**
 * A batch whose rules did not come to rest: more firings than its events can explain, or longer than
 * the engine's time budget for one batch. Names the rule that fired most, usually the one looping.
 */
public final class RunawayRulesException extends IllegalStateException {

    private final String topRule;
    private final long topRuleFirings;
    private final long firings;

    RunawayRulesException(String why, String topRule, long topRuleFirings, long firings) {
        super("rules " + why + " without coming to rest; a rule is probably looping (most: \"" + topRule + "\", "
                + topRuleFirings + " of " + firings + " firings)");
        this.topRule = topRule;
        this.topRuleFirings = topRuleFirings;
        this.firings = firings;
    }

    /** The rule that fired most in the batch. */
    public String topRule() {
        return topRule;
    }

    public long topRuleFirings() {
        return topRuleFirings;
    }

    public long firings() {
        return firings;
    }
}
