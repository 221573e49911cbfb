package io.vigil.service;

import io.vigil.config.Fields;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads a service's {@code sla} map: interval, samplePeriod, limit (required) and compliesWhen. */
final class SlaReader {

    /** A window's samples are kept in memory (two bits each); this bounds that per service. */
    static final long MAX_SAMPLES_PER_WINDOW = 100_000;

    private static final Set<String> SLA_KEYS = Set.of("interval", "samplePeriod", "limit", "compliesWhen");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<String, CompliesWhen> COMPLIES_WHEN = new LinkedHashMap<>();

    static {
        for (CompliesWhen when : CompliesWhen.values()) {
            COMPLIES_WHEN.put(when.name(), when);
        }
    }

    private SlaReader() {
    }

    /** Null when the settings are unusable (the problems are reported). */
    static SlaSettings read(Fields service, Consumer<String> report) {
        Map<?, ?> map = service.map("sla");
        if (map == null) {
            return null;
        }
        Fields fields = new Fields(map, SLA_KEYS, "sla ", "", " in sla", report);
        Duration interval = fields.has("interval") ? fields.duration("interval") : SlaSettings.DEFAULT_INTERVAL;
        Duration period = fields.has("samplePeriod") ? fields.duration("samplePeriod")
                : SlaSettings.DEFAULT_SAMPLE_PERIOD;
        BigDecimal limit = fields.number("limit");
        if (!fields.has("limit")) {
            report.accept("missing key \"limit\" in sla");
        } else if (limit != null && (limit.signum() < 0 || limit.compareTo(HUNDRED) > 0)) {
            fields.complain("limit", limit, "is not between 0 and 100");
            limit = null;
        }
        CompliesWhen compliesWhen = fields.has("compliesWhen") ? fields.oneOf("compliesWhen", COMPLIES_WHEN)
                : CompliesWhen.NORMAL;
        if (interval == null || period == null || limit == null || compliesWhen == null) {
            return null;
        }
        if (period.compareTo(interval) > 0) {
            report.accept("sla samplePeriod " + DurationFormat.format(period) + " is longer than interval "
                    + DurationFormat.format(interval));
            return null;
        }
        long samples = (interval.getSeconds() + period.getSeconds() - 1) / period.getSeconds();
        if (samples > MAX_SAMPLES_PER_WINDOW) {
            report.accept("sla interval " + DurationFormat.format(interval) + " holds " + samples + " samples of "
                    + DurationFormat.format(period) + ", more than " + MAX_SAMPLES_PER_WINDOW);
            return null;
        }
        return new SlaSettings(interval, period, limit, compliesWhen);
    }
}
