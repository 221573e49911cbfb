package io.vigil.service;

import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import io.vigil.config.Fields;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code silences} section: match, start, end, creator and comment, all required. As in
 * Alertmanager, a silence must narrow something down: at least one matcher must fail on an empty value.
 */
final class SilenceReader {

    private static final List<String> KEYS = List.of("match", "start", "end", "creator", "comment");

    static final SectionEntries<SilenceDefinition> ENTRIES = new SectionEntries<>("silence", Set.copyOf(KEYS), null,
            SilenceReader::read, null);

    private SilenceReader() {
    }

    private static SilenceDefinition read(Fields fields, Consumer<String> report) {
        KEYS.forEach(fields::require);
        Matchers matchers = CorrelationReader.matchers(fields, report);
        if (matchers != null && fields.has("match")) {
            if (matchers.isEmpty()) {
                report.accept("match is empty (a silence must match something)");
                matchers = null;
            } else if (matchers.matchEverything()) {
                report.accept("at least one matcher must not match the empty string");
                matchers = null;
            }
        }
        Instant start = fields.instant("start");
        Instant end = fields.instant("end");
        if (start != null && end != null && !end.isAfter(start)) {
            report.accept("end " + end + " is not after start " + start);
            end = null;
        }
        String creator = fields.nonBlank("creator");
        String comment = fields.nonBlank("comment");
        boolean usable = fields.has("match") && matchers != null && start != null && end != null && creator != null
                && comment != null;
        return usable ? new SilenceDefinition(matchers, start, end, creator, comment) : null;
    }
}
