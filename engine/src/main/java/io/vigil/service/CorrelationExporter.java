package io.vigil.service;

import io.vigil.alert.AlertSettings;
import io.vigil.alert.ConfirmationRule;
import io.vigil.alert.CorrelationDefinition;
import io.vigil.alert.Dependency;
import io.vigil.alert.FlappingSettings;
import io.vigil.alert.HeartbeatExpectation;
import io.vigil.alert.SilenceDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The correlation sections as {@link ServiceTreeExporter} writes them: empty and default ones left out. */
final class CorrelationExporter {

    private CorrelationExporter() {
    }

    static Map<String, Object> sections(CorrelationDefinition correlation) {
        Map<String, Object> out = new LinkedHashMap<>();
        putList(out, "confirmations", correlation.confirmations(), CorrelationExporter::confirmation);
        putList(out, "dependencies", correlation.dependencies(), CorrelationExporter::dependency);
        putList(out, "heartbeats", correlation.heartbeats(), CorrelationExporter::heartbeat);
        FlappingSettings flapping = correlation.flapping();
        if (!flapping.equals(FlappingSettings.DEFAULT)) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("changes", flapping.changes());
            settings.put("within", DurationFormat.format(flapping.within()));
            settings.put("quietFor", DurationFormat.format(flapping.quietFor()));
            out.put("flapping", settings);
        }
        if (!correlation.alerts().equals(AlertSettings.DEFAULT)) {
            out.put("alerts", Map.of("dropAcknowledgementOnWorse", correlation.alerts().dropAcknowledgementOnWorse()));
        }
        putList(out, "silences", correlation.silences(), CorrelationExporter::silence);
        return out;
    }

    private static Map<String, Object> confirmation(ConfirmationRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("check", rule.check());
        ServiceTreeExporter.putUnless(out, "resource", rule.resource(), rule.resource() == null);
        ServiceTreeExporter.putUnless(out, "match", rule.matchers().texts(), rule.matchers().isEmpty());
        out.put("needed", rule.needed());
        out.put("within", DurationFormat.format(rule.within()));
        return out;
    }

    private static Map<String, Object> dependency(Dependency dependency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource", dependency.resource());
        out.put("dependsOn", dependency.dependsOn());
        return out;
    }

    private static Map<String, Object> heartbeat(HeartbeatExpectation heartbeat) {
        Map<String, Object> out = new LinkedHashMap<>();
        ServiceTreeExporter.putUnless(out, "resource", heartbeat.resource(), heartbeat.resource() == null);
        ServiceTreeExporter.putUnless(out, "source", heartbeat.source(), heartbeat.source() == null);
        out.put("interval", DurationFormat.format(heartbeat.interval()));
        return out;
    }

    private static Map<String, Object> silence(SilenceDefinition silence) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("match", silence.matchers().texts());
        out.put("start", silence.start().toString());
        out.put("end", silence.end().toString());
        out.put("creator", silence.creator());
        out.put("comment", silence.comment());
        return out;
    }

    private static <T> void putList(Map<String, Object> out, String key, List<T> entries,
                                    Function<T, Map<String, Object>> entry) {
        if (!entries.isEmpty()) {
            out.put(key, entries.stream().map(entry).toList());
        }
    }
}
