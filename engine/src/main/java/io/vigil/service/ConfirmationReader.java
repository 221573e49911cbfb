package io.vigil.service;

import io.vigil.alert.ConfirmationRule;
import io.vigil.alert.Matchers;
import io.vigil.config.Fields;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the {@code confirmations} section: check (required), resource, match, needed and within (required). */
final class ConfirmationReader {

    static final SectionEntries<ConfirmationRule> ENTRIES = new SectionEntries<>("confirmation",
            Set.of("check", "resource", "match", "needed", "within"), null, ConfirmationReader::read, null);

    private ConfirmationReader() {
    }

    private static ConfirmationRule read(Fields fields, Consumer<String> report) {
        fields.require("check");
        fields.require("needed");
        fields.require("within");
        String check = fields.nonBlank("check");
        String resource = fields.nonBlank("resource");
        Matchers matchers = CorrelationReader.matchers(fields, report);
        Integer needed = fields.integer("needed", 2);
        Duration within = fields.duration("within");
        boolean usable = check != null && (resource != null || !fields.has("resource")) && matchers != null
                && needed != null && within != null;
        return usable ? new ConfirmationRule(check, resource, matchers, needed, within) : null;
    }
}
