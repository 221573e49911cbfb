package io.vigil.reliability.check;

import io.vigil.reliability.load.SentBatch;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Judges what became of the load against the stored state: every acknowledged event is in the
 * journal under the id its 202 named, nothing is journaled twice, and every journaled event was
 * processed exactly once (one classification row, one firing of the classification rule) with
 * the engine's checkpoint at the journal's end. Collects every failed check, not just the first.
 */
public final class DeliveryCheck {

    private static final int EXAMPLES = 5;

    private final List<String> failures = new ArrayList<>();
    private final Figures figures;

    private DeliveryCheck(Figures figures) {
        this.figures = figures;
    }

    /**
     * The part of the journal a check covers: the load's markers, and the events journaled since
     * the part began (those of the load and any others, such as the incidents' events).
     *
     * @param markerPrefix what the markers of the load start with
     * @param idsAbove     the journal's last id before the part began
     */
    public record Scope(String markerPrefix, long idsAbove) {
    }

    /**
     * @param batches       the load's REST requests
     * @param syslogWritten lines the load's syslog sender's socket took
     */
    public static DeliveryCheck judge(Scope scope, List<SentBatch> batches, long syslogWritten, StoredState db, Figures figures) {
        DeliveryCheck check = new DeliveryCheck(figures);
        Map<String, List<Long>> journal = db.journalByMarker(scope.markerPrefix());
        check.acknowledged(batches, journal);
        check.duplicates(journal, syslogWritten);
        check.processed(db.journalIdsAbove(scope.idsAbove()), db.classifiedIds(), db.classificationFirings(), db.checkpoint(),
                db.lastJournalId());
        return check;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    private void acknowledged(List<SentBatch> batches, Map<String, List<Long>> journal) {
        long sent = 0;
        long acknowledged = 0;
        long attempts = 0;
        long gaveUp = 0;
        long gaveUpButJournaled = 0;
        long refused = 0;
        List<String> lost = new ArrayList<>();
        List<String> misnamed = new ArrayList<>();
        for (SentBatch batch : batches) {
            sent += batch.markers().size();
            attempts += batch.attempts();
            if (batch.finalRefusal() != null) {
                refused++;
                continue;
            }
            if (!batch.acknowledged()) {
                gaveUp++;
                gaveUpButJournaled += batch.markers().stream().filter(journal::containsKey).count();
                continue;
            }
            acknowledged += batch.markers().size();
            if (batch.ids().size() != batch.markers().size()) {
                misnamed.add("a batch of " + batch.markers().size() + " was answered with " + batch.ids().size() + " ids");
                continue;
            }
            for (int i = 0; i < batch.markers().size(); i++) {
                String marker = batch.markers().get(i);
                long id = batch.ids().get(i);
                List<Long> rows = journal.get(marker);
                if (rows == null) {
                    lost.add(marker + " (acknowledged as id " + id + ")");
                } else if (!rows.contains(id)) {
                    misnamed.add(marker + " acknowledged as id " + id + " but journaled as " + rows);
                }
            }
        }
        figures.add("REST events sent", sent + " in " + batches.size() + " requests (" + (attempts - batches.size()) + " retries)")
                .add("REST events acknowledged (202)", acknowledged)
                .add("REST requests given up at the retry deadline", gaveUp + " (their events journaled anyway: " + gaveUpButJournaled + ")")
                .add("REST requests finally refused (not 202 nor retry later)", refused)
                .add("acknowledged events missing from the journal", lost.size())
                .add("acknowledged ids that do not hold their event", misnamed.size());
        fail(lost, "acknowledged events are missing from the journal");
        fail(misnamed, "acknowledged ids do not hold the acknowledged event (an id reused or a wrong id answered)");
        if (refused > 0) {
            failures.add(refused + " REST requests were finally refused, e.g. "
                    + batches.stream().filter(b -> b.finalRefusal() != null).findFirst().orElseThrow().finalRefusal().describe());
        }
    }

    private void duplicates(Map<String, List<Long>> journal, long syslogWritten) {
        List<String> restTwice = new ArrayList<>();
        List<String> syslogTwice = new ArrayList<>();
        long restRows = 0;
        long restMarkers = 0;
        long syslogRows = 0;
        long syslogMarkers = 0;
        for (Map.Entry<String, List<Long>> entry : journal.entrySet()) {
            boolean rest = entry.getKey().contains("rest-");
            int rows = entry.getValue().size();
            if (rest) {
                restRows += rows;
                restMarkers++;
            } else {
                syslogRows += rows;
                syslogMarkers++;
            }
            if (rows > 1) {
                (rest ? restTwice : syslogTwice).add(entry.getKey() + " as ids " + entry.getValue());
            }
        }
        figures.add("REST events journaled", restMarkers + " distinct, " + restRows + " rows, duplicates " + restTwice.size())
                .add("syslog TCP lines written", syslogWritten)
                .add("syslog TCP lines journaled", syslogMarkers + " distinct, " + syslogRows + " rows, duplicates " + syslogTwice.size());
        fail(restTwice, "REST events are journaled more than once");
        fail(syslogTwice, "syslog lines are journaled more than once");
    }

    private void processed(BitSet journal, BitSet classified, Map<Long, Integer> firings, long checkpoint, long lastId) {
        List<String> unclassified = new ArrayList<>();
        List<String> notFired = new ArrayList<>();
        List<String> firedAgain = new ArrayList<>();
        for (int id = journal.nextSetBit(0); id >= 0; id = journal.nextSetBit(id + 1)) {
            if (!classified.get(id)) {
                unclassified.add("id " + id);
            }
            int fired = firings.getOrDefault((long) id, 0);
            if (fired == 0) {
                notFired.add("id " + id);
            } else if (fired > 1) {
                firedAgain.add("id " + id + " (" + fired + " firings)");
            }
        }
        figures.add("journal rows of this part", journal.cardinality() + " (journal's last id " + lastId + ", engine checkpoint " + checkpoint + ")")
                .add("journaled events with a classification", journal.cardinality() - unclassified.size())
                .add("journaled events the classification rule fired for more than once", firedAgain.size())
                .add("journaled events the classification rule never fired for", notFired.size());
        if (checkpoint < lastId) {
            failures.add("the engine checkpoint (" + checkpoint + ") is behind the journal's last id (" + lastId + ")");
        }
        fail(unclassified, "journaled events have no classification row (unprocessed)");
        fail(firedAgain, "journaled events were processed more than once (\"" + StoredState.CLASSIFICATION_RULE + "\" fired again)");
        fail(notFired, "journaled events have no firing of \"" + StoredState.CLASSIFICATION_RULE + "\"");
    }

    private void fail(List<String> offenders, String what) {
        if (!offenders.isEmpty()) {
            failures.add(offenders.size() + " " + what + ", e.g. " + offenders.subList(0, Math.min(EXAMPLES, offenders.size())));
        }
    }
}
