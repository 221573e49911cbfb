package io.vigil.bench;

import io.vigil.alert.AlertChangeKind;
import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.session.EngineSession;
import io.vigil.session.Outcome;
import io.vigil.session.SessionBatch;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@link EngineBenchmark}'s loop as a plain main, for a profiler (JFR) and for a look at what the
 * feed does to alerts: events/s every 5 s, then how many alerts changed how, how many incidents
 * opened and how many alerts are in the session at the end.
 *
 * <p>{@code java -XX:StartFlightRecording=filename=/tmp/engine.jfr -cp bench/target/vigil-bench.jar
 * io.vigil.bench.EngineProfile --rules all --auditing true --seconds 60}
 */
public final class EngineProfile {

    private EngineProfile() {
    }

    public static void main(String[] args) {
        LoadArgs options = new LoadArgs(args);
        EngineSetup setup = EngineSetup.parse(options.text("rules", "all"));
        boolean auditing = Boolean.parseBoolean(options.text("auditing", "true"));
        long seconds = options.number("seconds", 60);
        long clock = 1_800_000_000_000L;
        AlertFeed feed = new AlertFeed();
        Map<AlertChangeKind, Integer> changes = new EnumMap<>(AlertChangeKind.class);
        int incidents = 0;
        try (EngineSession session = setup.open(clock)) {
            session.setAuditing(auditing);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long windowStart = System.nanoTime();
            long windowEvents = 0;
            while (System.nanoTime() < end) {
                clock += 1_000;
                session.advanceTo(clock);
                session.insert(feed.next(clock));
                session.fire();
                SessionBatch batch = session.drain();
                for (Outcome outcome : batch.outcomes()) {
                    if (outcome instanceof Outcome.AlertChanged changed) {
                        changes.merge(changed.change(), 1, Integer::sum);
                    } else if (outcome instanceof Outcome.IncidentOpened) {
                        incidents++;
                    }
                }
                windowEvents += AlertFeed.BATCH;
                long now = System.nanoTime();
                if (now - windowStart >= 5_000_000_000L) {
                    System.out.printf("%,d events/s%n", windowEvents * 1_000_000_000L / (now - windowStart));
                    windowStart = now;
                    windowEvents = 0;
                }
            }
            long open = session.facts(Alert.class).stream().filter(a -> a.getState() != AlertState.CLEARED).count();
            System.out.printf("alert changes %s; incidents opened %,d; alerts in the session %,d (%,d not cleared)%n",
                    changes, incidents, session.facts(Alert.class).size(), open);
        }
    }
}
