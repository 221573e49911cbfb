package io.vigil.session.replay;

import io.vigil.session.BatchOutcome;
import io.vigil.session.Outcome;
import io.vigil.session.OutcomeSink;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;

/**
 * Replay's outcome sink: prints every outcome as one JSON line, {@code {"kind":"...", ...the
 * record's fields}} (times are epoch milliseconds of the session clock, as everywhere in
 * outcomes), and feeds the summary. Nothing to store, so a batch is "committed" at once.
 */
final class ReplayPrinter implements OutcomeSink {

    private final JsonMapper json;
    private final PrintStream out;
    private final ReplaySummary summary;

    ReplayPrinter(JsonMapper json, PrintStream out, ReplaySummary summary) {
        this.json = json;
        this.out = out;
        this.summary = summary;
    }

    @Override
    public void publish(BatchOutcome batch) {
        for (Outcome outcome : batch.outcomes()) {
            ObjectNode line = json.createObjectNode();
            line.put("kind", outcome.kind());
            line.setAll((ObjectNode) json.valueToTree(outcome instanceof Outcome.NotificationDecided decided
                    ? NotificationLine.of(decided.notification()) : outcome));
            out.println(json.writeValueAsString(line));
            summary.add(outcome);
        }
        summary.firings(batch.firings().size());
        batch.onCommitted().run();
    }
}
