package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.Describable;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A silence as a fact: alerts its matchers select are silenced (stored and shown, nobody paged)
 * while it is active. The alert desk switches {@code active} on at its start and off at its end,
 * on the session clock. Ids are "code-N" for the silences of the services-as-code document and the
 * stored id for those made through the API.
 */
public final class Silence implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final Matchers matchers;
    private final long start;
    private final long end;
    private final String creator;
    private final String comment;
    private boolean active;
    private List<Long> downtimeIds = List.of();

    public Silence(String id, Matchers matchers, long start, long end, String creator, String comment) {
        this.id = id;
        this.matchers = matchers;
        this.start = start;
        this.end = end;
        this.creator = creator;
        this.comment = comment;
    }

    public static Silence of(String id, SilenceDefinition definition) {
        return new Silence(id, definition.matchers(), definition.start().toEpochMilli(), definition.end().toEpochMilli(),
                definition.creator(), definition.comment());
    }

    /** Whether the alert passes every matcher (fields, its newest report's attributes, and "service"). */
    public boolean matches(Alert alert) {
        return matchers.matches(target(alert));
    }

    /** What matchers see of an alert (see {@link MatchTarget#ofAlert}). */
    public static MatchTarget target(Alert alert) {
        return MatchTarget.ofAlert(alert.getSource(), alert.getResource(), alert.getCheck(), alert.getCategory(),
                alert.getStatus(), alert.getLocation(), alert.getService(), alert.getAttributes());
    }

    public String getId() { return id; }
    public Matchers getMatchers() { return matchers; }
    public long getStart() { return start; }
    public long getEnd() { return end; }
    public String getCreator() { return creator; }
    public String getComment() { return comment; }
    /** The planned downtimes this silence set up as a maintenance window (cancelled when it is expired early). */
    public List<Long> getDowntimeIds() { return downtimeIds; }
    public void setDowntimeIds(List<Long> downtimeIds) { this.downtimeIds = List.copyOf(downtimeIds); }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }

    @Override
    public String factId() {
        return "silence:" + id;
    }

    @Override
    public String summary() {
        return String.join(", ", matchers.texts()) + " from " + Instant.ofEpochMilli(start) + " to "
                + Instant.ofEpochMilli(end) + (active ? " (active)" : "");
    }

    @Override
    public String toString() {
        return "Silence#" + id + "(" + summary() + ")";
    }
}
