package io.vigil.web.service;

import io.vigil.service.CompliesWhen;
import io.vigil.service.DurationFormat;
import io.vigil.service.SlaSettings;
import io.vigil.service.sla.Compliance;
import io.vigil.service.sla.SlaStatus;

/**
 * What a service's SLA figure means, in words for its page: which statuses comply, how many
 * samples the figure rests on, and whether the window is full yet. A service that was only ever
 * WARNING shows 0.00 % INCORRECT under the default {@code compliesWhen: NORMAL}: that is the
 * rule, not a fault, and the page says so.
 *
 * @param settings   "limit 95 % over 1h, a sample every 5m"
 * @param rule       which statuses comply and which fail
 * @param figure     how the figure comes about from the samples of the current window
 * @param fewSamples null, or why the figure is not settled yet (no sample counted, or fewer than a full window)
 */
record SlaExplanation(String settings, String rule, String figure, String fewSamples) {

    static SlaExplanation of(SlaSettings sla, Compliance window) {
        String interval = DurationFormat.format(sla.interval());
        String period = DurationFormat.format(sla.samplePeriod());
        long full = (sla.interval().toMillis() + sla.samplePeriod().toMillis() - 1) / sla.samplePeriod().toMillis();
        String limit = sla.limit().stripTrailingZeros().toPlainString();
        String rule = sla.compliesWhen() == CompliesWhen.NORMAL
                ? "A sample complies when the service is NORMAL; WARNING and CRITICAL fail (compliesWhen: NORMAL,"
                + " the default; a tree can set compliesWhen: NORMAL_OR_WARNING to let WARNING comply)."
                : "A sample complies when the service is NORMAL or WARNING; CRITICAL fails (compliesWhen: NORMAL_OR_WARNING).";
        String figure = window.counted() == 0
                ? "No sample of the last " + interval + " counts yet, so there is no figure (N/A)."
                : window.complying() + " of the " + window.counted() + " samples counted in the last " + interval
                + " complied: " + window.percent().toPlainString() + " %, " + (window.status() == SlaStatus.OK ? "at or above" : "below")
                + " the limit of " + limit + " %.";
        String fewSamples = window.counted() >= full ? null
                : "Not enough samples yet for a settled figure: a full window holds " + full + " samples (one every " + period
                + "), " + window.counted() + " counted so far. Samples while the service is UNKNOWN or in a planned"
                + " downtime are left out.";
        return new SlaExplanation("limit " + limit + " % over " + interval + ", a sample every " + period, rule, figure, fewSamples);
    }
}
