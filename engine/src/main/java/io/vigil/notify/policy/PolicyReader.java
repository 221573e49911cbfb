package io.vigil.notify.policy;

import io.vigil.alert.Matcher;
import io.vigil.alert.MatcherSyntaxException;
import io.vigil.alert.Matchers;
import io.vigil.config.Fields;
import io.vigil.config.Paths;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the {@code policies} section: matchers, services, timing and levels of each policy. */
final class PolicyReader {

    private static final Set<String> POLICY_KEYS = Set.of("name", "match", "services", "consolidate", "autoResolve",
            "repeat", "accelerate", "levels");
    private static final Set<String> LEVEL_KEYS = Set.of("after", "notify");
    private static final Set<String> ACCELERATE_KEYS = Set.of("skipLevels", "delayFactor");
    private static final String TARGET = "user:<name>, schedule:<name> or channel:<name>";

    /** The names each target kind may refer to. */
    private final Map<TargetKind, Collection<String>> names;
    private final Consumer<String> report;

    private PolicyReader(Map<TargetKind, Collection<String>> names, Consumer<String> report) {
        this.names = names;
        this.report = report;
    }

    static List<EscalationPolicy> read(Fields top, Map<TargetKind, Collection<String>> names, Consumer<String> report) {
        PolicyReader reader = new PolicyReader(names, report);
        List<EscalationPolicy> policies = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<Items.Entry> entries = Items.maps(top, "", "policies", report);
        for (Items.Entry entry : entries == null ? List.<Items.Entry>of() : entries) {
            if (entry.map().get("name") instanceof String name && !name.isBlank()) {
                String first = seen.putIfAbsent(name, entry.path());
                if (first != null) {
                    report.accept(Paths.key(entry.path(), "name") + ": " + Fields.describe(name) + " repeats " + first);
                }
            }
            EscalationPolicy policy = reader.policy(entry);
            if (policy != null) {
                policies.add(policy);
            }
        }
        return policies;
    }

    private EscalationPolicy policy(Items.Entry entry) {
        String path = entry.path();
        Fields fields = Fields.at(entry.map(), POLICY_KEYS, path, report);
        fields.require("name");
        fields.require("levels");
        String name = fields.nonBlank("name");
        Matchers match = matchers(fields, path);
        List<String> services = Items.texts(fields, path, "services", "a service name", Items.Text::text, report);
        boolean usable = !Items.empty(fields, path, "services", "name at least one service (or be left out for all)",
                report);
        Duration consolidate = fields.has("consolidate") ? fields.durationOrZero("consolidate")
                : EscalationPolicy.DEFAULT_CONSOLIDATE;
        boolean autoResolve = !fields.has("autoResolve") || fields.flag("autoResolve");
        Integer repeat = fields.has("repeat") ? fields.integer("repeat", 0) : Integer.valueOf(0);
        Acceleration accelerate = fields.has("accelerate") ? acceleration(fields, path) : Acceleration.NONE;
        List<EscalationLevel> levels = levels(fields, path);
        usable &= name != null && match != null && consolidate != null && repeat != null && levels != null
                && accelerate != null && (services != null || !fields.has("services"));
        return usable ? new EscalationPolicy(name, match, services == null ? List.of() : services, consolidate,
                autoResolve, repeat, accelerate, levels) : null;
    }

    /** None when absent; null when one is bad (reported). */
    private Matchers matchers(Fields fields, String path) {
        List<Matcher> matchers = Items.texts(fields, path, "match", "a matcher", text -> {
            try {
                return Matcher.parse(text.text());
            } catch (MatcherSyntaxException e) {
                report.accept(text.path() + ": " + e.getMessage());
                return null;
            }
        }, report);
        if (matchers == null) {
            return fields.has("match") ? null : Matchers.NONE;
        }
        return new Matchers(matchers);
    }

    /** Null unless every level is usable. */
    private List<EscalationLevel> levels(Fields policy, String path) {
        List<Items.Entry> entries = Items.maps(policy, path, "levels", report);
        if (entries == null || Items.empty(policy, path, "levels", "have at least one level", report)) {
            return null;
        }
        List<EscalationLevel> levels = new ArrayList<>();
        for (Items.Entry entry : entries) {
            Fields fields = Fields.at(entry.map(), LEVEL_KEYS, entry.path(), report);
            fields.require("notify");
            Duration after = fields.has("after") ? fields.durationOrZero("after") : Duration.ZERO;
            List<TargetRef> targets = targets(fields, entry.path());
            if (after != null && targets != null) {
                levels.add(new EscalationLevel(levels.size() + 1, after, targets));
            }
        }
        return levels.size() == policy.list("levels").size() ? levels : null;
    }

    private List<TargetRef> targets(Fields level, String path) {
        List<TargetRef> targets = Items.texts(level, path, "notify", "a target (" + TARGET + ")", this::target, report);
        return Items.empty(level, path, "notify", "name at least one target", report) ? null : targets;
    }

    private TargetRef target(Items.Text text) {
        int colon = text.text().indexOf(':');
        TargetKind kind = colon < 0 ? null : TargetKind.of(text.text().substring(0, colon));
        if (kind == null) {
            report.accept(text.path() + ": " + Fields.describe(text.text()) + " is not " + TARGET);
            return null;
        }
        String name = text.text().substring(colon + 1);
        if (!names.get(kind).contains(name)) {
            report.accept(text.path() + ": unknown " + kind.prefix() + " " + Fields.describe(name));
            return null;
        }
        return new TargetRef(kind, name);
    }

    /** Read before the levels, in document order; skipLevels is checked against how many levels are listed. */
    private Acceleration acceleration(Fields policy, String policyPath) {
        Map<?, ?> map = policy.map("accelerate");
        if (map == null) {
            return null;
        }
        Fields fields = Fields.at(map, ACCELERATE_KEYS, Paths.key(policyPath, "accelerate"), report);
        Integer skip = fields.has("skipLevels") ? fields.integer("skipLevels", 0) : Integer.valueOf(0);
        if (skip != null && policy.raw("levels") instanceof List<?> levels && !levels.isEmpty()
                && skip >= levels.size()) {
            fields.complain("skipLevels", BigDecimal.valueOf(skip), "must be less than the number of levels ("
                    + levels.size() + ")");
            skip = null;
        }
        BigDecimal factor = fields.has("delayFactor") ? fields.number("delayFactor") : BigDecimal.ONE;
        if (factor != null && (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) > 0)) {
            fields.complain("delayFactor", factor, "must be greater than 0 and at most 1");
            factor = null;
        }
        return skip == null || factor == null ? null : new Acceleration(skip, factor);
    }
}
