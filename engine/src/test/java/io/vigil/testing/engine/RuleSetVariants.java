package io.vigil.testing.engine;

import io.vigil.session.RuleSet;

import java.util.Map;
import java.util.TreeMap;

/**
 * Changed copies of the shipped rules, the same for every test and benchmark that deploys,
 * backtests, replays or loops one: disks, sensors and power supplies in a "storage" category
 * instead of "hardware", and a rule that never comes to rest.
 */
public final class RuleSetVariants {

    public static final String CATEGORIES = "rules/classify/event-category.drl";
    public static final String CATEGORY_TEST = "rule-tests/classify/categories.yml";
    /** The rule {@link #withLoop} adds. */
    public static final String LOOPING_RULE = "Flip the category of disk events for ever";

    private RuleSetVariants() {
    }

    /** The category rules (the text of {@link #CATEGORIES}) with "storage" where they set "hardware". */
    public static String disksAreStorage(String categoryRules) {
        return categoryRules.replace("setCategory( \"hardware\" )", "setCategory( \"storage\" )");
    }

    /** The shipped category test (the text of {@link #CATEGORY_TEST}) expecting "storage" where it expected "hardware". */
    public static String categoryTestExpectsStorage(String categoryTest) {
        return categoryTest.replace("category: hardware", "category: storage");
    }

    /** The rule set with its category rules changed by {@link #disksAreStorage(String)} (its rule tests as they were). */
    public static RuleSet disksAreStorage(RuleSet ruleSet) {
        Map<String, String> sources = new TreeMap<>(ruleSet.sources());
        sources.put(CATEGORIES, disksAreStorage(sources.get(CATEGORIES)));
        return RuleSet.of(sources);
    }

    /** The rule set and {@link #LOOPING_RULE}, which keeps changing every disk event it sees. */
    public static RuleSet withLoop(RuleSet ruleSet) {
        Map<String, String> sources = new TreeMap<>(ruleSet.sources());
        sources.put("rules/test/loop.drl", loop("rules.test", LOOPING_RULE, "check == \"disk\""));
        return RuleSet.of(sources);
    }

    /**
     * A DRL file whose one rule flips the category of the events matching {@code constraints} for
     * ever: its own change wakes it again (it constrains the category it changes).
     */
    public static String loop(String packageName, String ruleName, String constraints) {
        return "package " + packageName + "\n"
                + "import io.vigil.model.Event\n"
                + "// Deliberately broken: it never comes to rest.\n"
                + "rule \"" + ruleName + "\"\n"
                + "when\n"
                + "    $e : Event( " + constraints + ", category != \"never\" )\n"
                + "then\n"
                + "    modify( $e ) { setCategory( \"flip\".equals( $e.getCategory() ) ? \"flop\" : \"flip\" ) }\n"
                + "end\n";
    }
}
