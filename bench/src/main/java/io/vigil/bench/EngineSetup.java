package io.vigil.bench;

import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.SessionSetup;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sessions the engine benchmarks run, for {@link AlertFeed}'s hosts:
 * <ul>
 *   <li>{@code classify}: only the rules/classify/ DRLs (category, status, element status, alert key);</li>
 *   <li>{@code all}: the whole rule set with the incident process and the correlation rules, no
 *       services-as-code document (defaults: no confirmation, no dependency, no silence);</li>
 *   <li>{@code correlated}: the whole rule set with a document that asks for it all — ping outages
 *       confirmed by both collectors within 3 minutes, every host behind a router host (host0 for
 *       host1…host99, and so on) and a silence over the 100 hosts host100…host199.</li>
 * </ul>
 */
enum EngineSetup {
    CLASSIFY, ALL, CORRELATED;

    static EngineSetup parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules must be classify, all or correlated, got \"" + text + "\"");
        }
    }

    /** A new session on the classpath's rules, its clock at {@code clock}, with this setup's document. */
    EngineSession open(long clock) {
        RuleSet all = RuleSet.fromClasspath();
        RuleSet ruleSet = this == CLASSIFY ? RuleSet.of(only(all.sources(), "rules/classify/")) : all;
        EngineSession session = EngineSession.create(ruleSet, SessionSetup.fresh(Duration.ofMinutes(15)), clock);
        if (this == CORRELATED) {
            String document = correlationDocument(clock);
            ServiceTreeDefinition definition = ServiceTreeParser.parse(document);
            CommandResult replaced = session.execute(
                    new EngineCommand.ReplaceServiceTree(definition, document, "bench"));
            if (!replaced.ok()) {
                throw new IllegalStateException("correlation document refused: " + replaced.error());
            }
            session.fire();
            session.drain();
        }
        return session;
    }

    static String correlationDocument(long clock) {
        StringBuilder yaml = new StringBuilder("services: []\n")
                .append("confirmations:\n")
                .append("  - check: ping\n    needed: 2\n    within: 3m\n")
                .append("dependencies:\n");
        for (int host = 0; host < AlertFeed.HOSTS; host++) {
            String parents = host % 100 == 0 ? "[]" : "[host" + host / 100 * 100 + "]";
            yaml.append("  - resource: host").append(host).append("\n    dependsOn: ").append(parents).append('\n');
        }
        return yaml.append("silences:\n")
                .append("  - match: ['resource=~\"host1[0-9][0-9]\"']\n")
                .append("    start: ").append(Instant.ofEpochMilli(clock).minus(Duration.ofHours(1))).append('\n')
                .append("    end: ").append(Instant.ofEpochMilli(clock).plus(Duration.ofDays(30))).append('\n')
                .append("    creator: bench\n    comment: rack 1 maintenance\n")
                .toString();
    }

    private static Map<String, String> only(Map<String, String> sources, String prefix) {
        Map<String, String> selected = new TreeMap<>();
        sources.forEach((path, text) -> {
            if (path.startsWith(prefix)) {
                selected.put(path, text);
            }
        });
        return selected;
    }
}
