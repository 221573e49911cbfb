package io.vigil.service;

import io.vigil.alert.AlertSettings;
import io.vigil.alert.CorrelationDefinition;
import io.vigil.alert.FlappingSettings;
import io.vigil.alert.Matcher;
import io.vigil.alert.MatcherSyntaxException;
import io.vigil.alert.Matchers;
import io.vigil.config.Fields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the correlation sections beside {@code services}: confirmations, dependencies, heartbeats,
 * flapping, alerts and silences, each optional.
 */
final class CorrelationReader {

    static final Set<String> SECTIONS = Set.of("confirmations", "dependencies", "heartbeats", "flapping", "alerts",
            "silences");

    private static final Set<String> FLAPPING_KEYS = Set.of("changes", "within", "quietFor");
    private static final Set<String> ALERT_KEYS = Set.of("dropAcknowledgementOnWorse");

    private CorrelationReader() {
    }

    static CorrelationDefinition read(Fields top, Consumer<String> report) {
        return new CorrelationDefinition(
                ConfirmationReader.ENTRIES.read(top.list("confirmations"), report),
                DependencyReader.read(top.list("dependencies"), report),
                HeartbeatReader.ENTRIES.read(top.list("heartbeats"), report),
                flapping(top.map("flapping"), report),
                alerts(top.map("alerts"), report),
                SilenceReader.ENTRIES.read(top.list("silences"), report));
    }

    /** The matchers under {@code match}; none when absent, null when one of them is bad (reported). */
    static Matchers matchers(Fields fields, Consumer<String> report) {
        List<?> texts = fields.list("match");
        if (texts == null) {
            return fields.has("match") ? null : Matchers.NONE;
        }
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!(texts.get(i) instanceof String text)) {
                report.accept("match item " + (i + 1) + " is not a string: " + Fields.describe(texts.get(i)));
                continue;
            }
            try {
                matchers.add(Matcher.parse(text));
            } catch (MatcherSyntaxException e) {
                report.accept(e.getMessage());
            }
        }
        return matchers.size() == texts.size() ? new Matchers(matchers) : null;
    }

    private static FlappingSettings flapping(Map<?, ?> map, Consumer<String> report) {
        if (map == null) {
            return FlappingSettings.DEFAULT;
        }
        Fields fields = new Fields(map, FLAPPING_KEYS, "flapping ", "", " in flapping", report);
        FlappingSettings d = FlappingSettings.DEFAULT;
        Integer changes = fields.has("changes") ? fields.integer("changes", 2) : Integer.valueOf(d.changes());
        Duration within = fields.has("within") ? fields.duration("within") : d.within();
        Duration quietFor = fields.has("quietFor") ? fields.duration("quietFor") : d.quietFor();
        return changes == null || within == null || quietFor == null ? d
                : new FlappingSettings(changes, within, quietFor);
    }

    private static AlertSettings alerts(Map<?, ?> map, Consumer<String> report) {
        if (map == null) {
            return AlertSettings.DEFAULT;
        }
        Fields fields = new Fields(map, ALERT_KEYS, "alerts ", "", " in alerts", report);
        boolean drop = fields.has("dropAcknowledgementOnWorse") ? fields.flag("dropAcknowledgementOnWorse")
                : AlertSettings.DEFAULT.dropAcknowledgementOnWorse();
        return new AlertSettings(drop);
    }
}
