package io.vigil.testing.engine;

import io.vigil.model.Event;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.session.Outcome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one event for a {@link TestSession}; {@link #send()} inserts it and fires. */
public final class TestEvent {

    private final TestSession session;
    private final long id;
    private final String resource;
    private final String check;
    private String source = "test";
    private Status status;
    private Severity severity;
    private String message = "";
    private Long occurredAt;
    private String transport = "test";
    private final Map<String, String> attributes = new LinkedHashMap<>();

    TestEvent(TestSession session, long id, String resource, String check) {
        this.session = session;
        this.id = id;
        this.resource = resource;
        this.check = check;
    }

    public TestEvent source(String source) {
        this.source = source;
        return this;
    }

    public TestEvent status(Status status) {
        this.status = status;
        return this;
    }

    public TestEvent severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /** How it arrived, e.g. "alertmanager" (default "test"). */
    public TestEvent transport(String transport) {
        this.transport = transport;
        return this;
    }

    public TestEvent attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public TestEvent message(String message) {
        this.message = message;
        return this;
    }

    /** Occurred {@code ago} before the session clock (default: now). */
    public TestEvent ago(Duration ago) {
        this.occurredAt = session.now() - ago.toMillis();
        return this;
    }

    public Event build() {
        long at = occurredAt == null ? session.now() : occurredAt;
        return new Event(id, session.now(), at, transport, source, resource, check, status, severity, message,
                Map.copyOf(attributes));
    }

    /** Inserts the event and fires; returns the outcomes of this firing. */
    public List<Outcome> send() {
        session.insert(build());
        return session.fire();
    }
}
