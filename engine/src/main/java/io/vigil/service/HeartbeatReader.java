package io.vigil.service;

import io.vigil.alert.HeartbeatExpectation;
import io.vigil.config.Fields;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the {@code heartbeats} section: exactly one of resource and source, and an interval. */
final class HeartbeatReader {

    static final SectionEntries<HeartbeatExpectation> ENTRIES = new SectionEntries<>("heartbeat",
            Set.of("resource", "source", "interval"), null, HeartbeatReader::read, HeartbeatReader::sender);

    private HeartbeatReader() {
    }

    private static HeartbeatExpectation read(Fields fields, Consumer<String> report) {
        boolean byResource = fields.has("resource");
        boolean bySource = fields.has("source");
        if (byResource && bySource) {
            report.accept("has both resource and source (exactly one is allowed)");
        } else if (!byResource && !bySource) {
            report.accept("has neither resource nor source");
        }
        fields.require("interval");
        String resource = fields.nonBlank("resource");
        String source = fields.nonBlank("source");
        Duration interval = fields.duration("interval");
        boolean usable = byResource != bySource && (resource != null || source != null) && interval != null;
        return usable ? new HeartbeatExpectation(resource, source, interval) : null;
    }

    private static String sender(HeartbeatExpectation heartbeat) {
        return heartbeat.resource() != null ? "resource \"" + heartbeat.resource() + "\""
                : "source \"" + heartbeat.source() + "\"";
    }
}
