package io.vigil.bench;

import io.vigil.model.Event;
import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A steady monitoring feed for the engine benchmarks, in batches of {@value #BATCH} events: 10,000
 * hosts × 8 checks, every host reporting all its checks together, every module once per round of
 * {@value #MODULES} events. About 1 % of the modules are in trouble at a time (0.3 % CRITICAL, 0.7 %
 * WARNING); a module keeps its status for {@value #CHANGE_EVERY} batches (about five of its reports), and
 * the modules' periods are staggered, so in every batch a few alerts open and a few clear while the
 * rest of the problem reports repeat into open alerts. The other 99 % are NORMAL reports of keys
 * without an alert, the cheap path.
 *
 * <p>Every 13th event carries only a syslog severity that says the same as the module's status.
 * The sender alternates between two collectors from round to round (two monitoring locations, which
 * outage confirmation counts).
 */
final class AlertFeed {

    static final int BATCH = 1_000;
    static final int HOSTS = 10_000;
    static final String[] CHECKS = {"cpu", "disk", "ping", "sshd", "httpd", "orders", "app-metric", "kernel"};
    static final int MODULES = HOSTS * 8;
    static final int CHANGE_EVERY = 400;
    static final String[] COLLECTORS = {"collector-eu", "collector-us"};

    private long nextId;
    private long batches;

    /** The next batch, occurring at {@code clock} (epoch ms). */
    List<Event> next(long clock) {
        long batch = batches++;
        List<Event> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long id = ++nextId;
            int module = (int) (id % MODULES);
            Status status = status(module, batch);
            boolean syslog = id % 13 == 0;
            String source = COLLECTORS[(int) (id / MODULES % COLLECTORS.length)];
            events.add(new Event(id, clock, clock, "bench", source, "host" + module / 8, CHECKS[module % 8],
                    syslog ? null : status, syslog ? severityOf(status) : null,
                    "synthetic benchmark event " + id + " about as long as a typical monitoring message", Map.of()));
        }
        return events;
    }

    /** The module's status in this batch: drawn afresh every {@value #CHANGE_EVERY} batches, staggered per module. */
    static Status status(int module, long batch) {
        long period = (batch + module * 7_919L % CHANGE_EVERY) / CHANGE_EVERY;
        long draw = Long.remainderUnsigned(mix(module * 0x9E3779B97F4A7C15L ^ period * 0xC2B2AE3D27D4EB4FL), 1_000);
        return draw < 3 ? Status.CRITICAL : draw < 10 ? Status.WARNING : Status.NORMAL;
    }

    private static Severity severityOf(Status status) {
        return switch (status) {
            case CRITICAL -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            default -> Severity.INFORMATIONAL;
        };
    }

    /** SplitMix64's finaliser: a well-spread hash of the module and its period. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
