package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Severity;
import io.vigil.model.Status;

import java.util.List;

/**
 * An alert as it stood at one change: an immutable copy of the {@link Alert} fact that outcomes
 * carry out of the engine thread (the fact itself keeps changing). Times are epoch ms; a
 * {@code shelvedUntil} of 0 means not shelved; {@code failingLocations} are kept only for alerts that
 * need confirmation.
 */
public record AlertView(long id, String key, AlertKind kind, String resource, String check, String service,
                        String source, String category, Status status, Status previousStatus, Severity severity,
                        AlertState state, long count, long firstSeen, long lastSeen, long lastEventId, String message,
                        String acknowledgedBy, String assignee, long shelvedUntil, Confirmation confirmation,
                        List<String> failingLocations, String suppressedBy, String silencedBy, boolean flapping) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.getId(), alert.getKey(), alert.getKind(), alert.getResource(), alert.getCheck(),
                alert.getService(), alert.getSource(), alert.getCategory(), alert.getStatus(), alert.getPreviousStatus(),
                alert.getSeverity(), alert.getState(), alert.getCount(), alert.getFirstSeen(), alert.getLastSeen(),
                alert.getLastEventId(), alert.getMessage(), alert.getAcknowledgedBy(), alert.getAssignee(),
                alert.getShelvedUntil(), alert.getConfirmation(), alert.getFailingLocations(), alert.getSuppressedBy(),
                alert.getSilencedBy(), alert.isFlapping());
    }
}
