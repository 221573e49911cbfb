package io.vigil.model;

import java.io.Serializable;
import java.util.Map;

/**
 * An event as a fact in the session. What was received never changes; the classify rules set
 * the two derived properties, {@link #getCategory()} and the effective {@link #getStatus()}
 * (initially the received status, derived from the severity where none was sent).
 * Times are epoch milliseconds so they serve directly as the Drools event timestamp.
 * Serializable because session snapshots marshal the facts with Java serialization.
 */
public final class Event implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    /** The attribute with which a sender chooses the key its reports are deduplicated under. */
    public static final String DEDUP_KEY = "dedupKey";

    private final long id;
    private final long receivedAt;
    private final long occurredAt;
    private final String transport;
    private final String source;
    private final String resource;
    private final String check;
    private final Status receivedStatus;
    private final Severity severity;
    private final String message;
    private final Map<String, String> attributes;

    private Status status;
    private String category;
    private String alertKey;
    /** The last summary built and the status it was built for: the audit trail asks for it several times per firing. */
    private transient String summary;
    private transient Status summaryStatus;

    public Event(long id, EventDraft draft) {
        this(id, draft.receivedAt().toEpochMilli(), draft.occurredAt().toEpochMilli(), draft.transport(),
                draft.source(), draft.resource(), draft.check(), draft.status(), draft.severity(),
                draft.message(), draft.attributes());
    }

    public Event(long id, long receivedAt, long occurredAt, String transport, String source, String resource,
                 String check, Status receivedStatus, Severity severity, String message,
                 Map<String, String> attributes) {
        this.id = id;
        this.receivedAt = receivedAt;
        this.occurredAt = occurredAt;
        this.transport = transport;
        this.source = source;
        this.resource = resource;
        this.check = check;
        this.receivedStatus = receivedStatus;
        this.severity = severity;
        this.message = message == null ? "" : message;
        this.attributes = attributes == null ? Map.of() : attributes;
        this.status = receivedStatus;
    }

    public long getId() { return id; }
    public long getReceivedAt() { return receivedAt; }
    public long getOccurredAt() { return occurredAt; }
    public String getTransport() { return transport; }
    public String getSource() { return source; }
    public String getResource() { return resource; }
    public String getCheck() { return check; }
    public Status getReceivedStatus() { return receivedStatus; }
    public Severity getSeverity() { return severity; }
    /** Severity code 0..7, or -1 when none was received; handy for range constraints in DRL. */
    public int getSeverityCode() { return severity == null ? -1 : severity.code(); }
    public String getMessage() { return message; }
    public Map<String, String> getAttributes() { return attributes; }
    public String attribute(String name) { return attributes.get(name); }

    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    /**
     * The key of the alert this event reports on: the attribute {@value #DEDUP_KEY} when the sender
     * gave one, else {@code resource/check}. Rules may choose another before the alert rules run
     * (see rules/classify/alert-key.drl).
     */
    public String getAlertKey() {
        // Made when first asked: an event that reports no status never needs it.
        if (alertKey == null) {
            String dedupKey = attributes.get(DEDUP_KEY);
            alertKey = dedupKey != null && !dedupKey.isBlank() ? dedupKey : resource + "/" + check;
        }
        return alertKey;
    }
    public void setAlertKey(String alertKey) { this.alertKey = alertKey; }

    @Override
    public String factId() {
        return "event:" + id;
    }

    /** Only the status changes it; everything else in it was received. */
    @Override
    public String summary() {
        if (summary == null || summaryStatus != status) {
            // "..." rather than an ellipsis character: one non-Latin-1 character makes every audit text
            // built from the summary twice as large in memory and slow to encode.
            String text = message.length() > 80 ? message.substring(0, 80) + "..." : message;
            summary = resource + "/" + check + " " + (status == null ? "-" : status) + " from " + source + ": " + text;
            summaryStatus = status;
        }
        return summary;
    }

    @Override
    public String toString() {
        return "Event#" + id + "(" + summary() + ")";
    }
}
