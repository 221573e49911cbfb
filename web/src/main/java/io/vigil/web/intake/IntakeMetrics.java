package io.vigil.web.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.intake.IdempotencyKeyInUseException;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.journal.JournalWriteException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of the events and requests posted over HTTP, per transport (rest, alertmanager,
 * grafana): {@code vigil_intake_events_total{transport,result=accepted}} counts stored events,
 * {@code vigil_intake_requests_total{transport,result}} every answered request: accepted, invalid
 * (4xx: bad body, too large, a reused Idempotency-Key), throttled (429, 503 or 409 with
 * Retry-After: nothing stored, retry later), unknown (the commit was not confirmed in time) or
 * failed (the journal refused the events, 500). The kinds follow {@link IntakeExceptionHandler}'s answers.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The transport a request's events carry, from its path. */
    static String transportOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        int webhook = path.indexOf("/webhooks/");
        return webhook < 0 ? "rest" : path.substring(webhook + "/webhooks/".length()).split("/")[0];
    }

    void accepted(String transport, int events) {
        counter("vigil.intake.events", transport, "accepted").increment(events);
        counter("vigil.intake.requests", transport, "accepted").increment();
    }

    void refused(String transport, Throwable cause) {
        counter("vigil.intake.requests", transport, result(cause)).increment();
    }

    static String result(Throwable cause) {
        if (cause instanceof IntakeRejectedException || cause instanceof IntakeUnavailableException
                || cause instanceof IdempotencyKeyInUseException) {
            return "throttled";
        }
        if (cause instanceof CommitOutcomeUnknownException) {
            return "unknown";
        }
        if (cause instanceof JournalWriteException || cause instanceof IllegalStateException) {
            return "failed";
        }
        return "invalid";
    }

    private Counter counter(String name, String transport, String result) {
        return counters.computeIfAbsent(name + '|' + transport + '|' + result, key -> Counter.builder(name)
                .description(name.endsWith("events") ? "events posted over HTTP and stored, by transport"
                        : "HTTP intake requests by transport and answer")
                .tag("transport", transport).tag("result", result).register(registry));
    }
}
