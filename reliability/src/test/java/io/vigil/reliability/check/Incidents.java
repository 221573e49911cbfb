package io.vigil.reliability.check;

import io.vigil.reliability.process.ChildProcesses;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens incidents the way production does (a CRITICAL event for a module of its own), watches
 * them escalate in the stored state, and walks them through Acknowledge and Resolve over the API.
 * Failed steps come back as messages, so a scenario can report every one of them.
 */
public final class Incidents {

    private static final Duration OPEN = Duration.ofSeconds(60);

    private final Api api;
    private final StoredState stored;
    private final String token;

    public Incidents(Api api, StoredState stored, String token) {
        this.api = api;
        this.stored = stored;
        this.token = token;
    }

    /** Posts a CRITICAL event for {@code resource}/disk and waits for the incident it opens. */
    public StoredIncident open(String resource) {
        String event = "{\"source\":\"reliability\",\"resource\":\"" + resource + "\",\"check\":\"disk\","
                + "\"status\":\"CRITICAL\",\"message\":\"incident probe\"}";
        String key = UUID.randomUUID().toString();
        Api.Response posted = Eventually.await("a 202 for the CRITICAL event of " + resource, OPEN, Duration.ofSeconds(1),
                () -> accepted(key, event));
        return Eventually.await("the incident for " + resource + " (event " + posted.body() + ")", OPEN,
                Duration.ofMillis(200), () -> stored.incidentFor(resource));
    }

    private Optional<Api.Response> accepted(String idempotencyKey, String event) {
        try {
            return Optional.of(api.postEvent(token, idempotencyKey, event)).filter(r -> r.status() == 202);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Empty when the incident's escalation level rose above {@code level} within {@code timeout}. */
    public Optional<String> escalatesBeyond(StoredIncident incident, int level, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        StoredIncident now = stored.incident(incident.id());
        while (now.escalationLevel() <= level && Instant.now().isBefore(deadline)) {
            ChildProcesses.pause(Duration.ofMillis(250));
            now = stored.incident(incident.id());
        }
        return now.escalationLevel() > level ? Optional.empty() : Optional.of("incident " + incident.id()
                + " stayed at escalation level " + now.escalationLevel() + " for " + timeout.toSeconds() + " s (state " + now.state() + ")");
    }

    /** Acknowledges, then resolves; the failures of either step (none: it is RESOLVED). */
    public List<String> acknowledgeAndResolve(StoredIncident incident) {
        List<String> failures = new ArrayList<>();
        step(incident, "acknowledge", "ACKNOWLEDGED", failures);
        step(incident, "resolve", "RESOLVED", failures);
        String state = stored.incident(incident.id()).state();
        if (!state.equals("RESOLVED")) {
            failures.add("incident " + incident.id() + " is stored as " + state + " after acknowledge and resolve");
        }
        return failures;
    }

    private void step(StoredIncident incident, String step, String expectedState, List<String> failures) {
        Api.Response answer = api.postAsAdmin("/api/v1/incidents/" + incident.id() + "/" + step, "");
        if (answer.status() != 200) {
            failures.add("POST /api/v1/incidents/" + incident.id() + "/" + step + " answered " + answer.status() + ": " + answer.body());
            return;
        }
        String state = answer.json().get("incident").get("state").asString();
        if (!state.equals(expectedState)) {
            failures.add("POST /api/v1/incidents/" + incident.id() + "/" + step + " left it " + state + ", not " + expectedState);
        }
    }
}
