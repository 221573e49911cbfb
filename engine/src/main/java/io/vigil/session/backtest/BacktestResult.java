package io.vigil.session.backtest;

import java.util.List;

/**
 * How a candidate rule-set version would have treated a range of recorded events, next to the
 * baseline version, both run from the same starting state.
 *
 * @param events          how many events both versions processed
 * @param classifications events whose category or status differs, grouped by the pair of outcomes
 * @param alerts          alert keys for which the two versions opened a different number of alerts
 * @param incidents       what incidents were opened about (resource/check, or the service) where the
 *                        numbers differ
 * @param services        services whose status changes differ
 */
public record BacktestResult(String baseline, String candidate, long events, long classifiedDifferently,
                             List<ClassificationChange> classifications, List<CountChange> alerts,
                             List<CountChange> incidents, List<ServiceChange> services) {

    /** Events classified {@code from} by the baseline and {@code to} by the candidate ("category/STATUS"). */
    public record ClassificationChange(String from, String to, long count, List<Example> examples) {
    }

    /** One event of a change, to look at. */
    public record Example(long eventId, String resource, String check, String message) {
    }

    /** Something opened {@code baseline} times by the baseline and {@code candidate} times by the candidate. */
    public record CountChange(String key, long baseline, long candidate) {
    }

    /**
     * A service whose status changes differ: how many each version made, and the first changes (in
     * time order, "STATUS at ISO-time") only one of them made.
     */
    public record ServiceChange(String service, long baselineChanges, long candidateChanges, List<String> onlyBaseline,
                                List<String> onlyCandidate) {
    }
}
