package io.vigil.alert;

import io.vigil.model.Alert;
import io.vigil.model.AlertState;
import io.vigil.session.CommandResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What people do to alerts, each on a list of ids with one result per id (404 for an alert that is
 * not active, 409 saying why an action does not fit its state). Every action is a state change the
 * journal cannot replay. Engine thread only.
 */
public final class AlertActions {

    private final AlertBook book;
    private final DueList due;
    private final Supplier<Long> clock;
    private final BiConsumer<Alert, String> clearByHand;

    /** @param clearByHand clears one alert in a person's name (the desk's own clearing) */
    AlertActions(AlertBook book, DueList due, Supplier<Long> clock, BiConsumer<Alert, String> clearByHand) {
        this.book = book;
        this.due = due;
        this.clock = clock;
        this.clearByHand = clearByHand;
    }

    public CommandResult acknowledge(List<Long> ids, String actor) {
        return book.each(ids, alert -> {
            if (alert.getState() != AlertState.OPEN) {
                return conflict(alert, "only an OPEN alert can be acknowledged");
            }
            alert.setState(AlertState.ACKNOWLEDGED);
            alert.setAcknowledgedBy(actor);
            return done(alert, AlertChangeKind.ACKNOWLEDGED, null, actor);
        });
    }

    public CommandResult unacknowledge(List<Long> ids, String actor) {
        return book.each(ids, alert -> {
            if (alert.getState() != AlertState.ACKNOWLEDGED) {
                return conflict(alert, "only an ACKNOWLEDGED alert can be unacknowledged");
            }
            alert.setState(AlertState.OPEN);
            alert.setAcknowledgedBy(null);
            return done(alert, AlertChangeKind.UNACKNOWLEDGED, null, actor);
        });
    }

    /** Shelves for {@code duration} from now (session clock); shelving again moves the end. */
    public CommandResult shelve(List<Long> ids, Duration duration, String actor) {
        long until = clock.get() + duration.toMillis();
        return book.each(ids, alert -> {
            alert.setState(AlertState.SHELVED);
            alert.setShelvedUntil(until);
            due.shelving(until, alert.getId());
            return done(alert, AlertChangeKind.SHELVED, "until " + Instant.ofEpochMilli(until), actor);
        });
    }

    public CommandResult unshelve(List<Long> ids, String actor) {
        return book.each(ids, alert -> {
            if (alert.getState() != AlertState.SHELVED) {
                return conflict(alert, "only a SHELVED alert can be unshelved");
            }
            unshelve(book, alert, null, actor, clock.get());
            return CommandResult.done();
        });
    }

    /** Assigns to a person, or takes the assignment back with a null or empty {@code assignee}. */
    public CommandResult assign(List<Long> ids, String assignee, String actor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee;
        return book.each(ids, alert -> {
            alert.setAssignee(who);
            return done(alert, AlertChangeKind.ASSIGNED, who == null ? "unassigned" : who, actor);
        });
    }

    public CommandResult note(List<Long> ids, String text, String actor) {
        return book.each(ids, alert -> done(alert, AlertChangeKind.NOTE, text, actor));
    }

    /** Clears by hand, e.g. a problem whose all-clear will never come. */
    public CommandResult clear(List<Long> ids, String actor) {
        return book.each(ids, alert -> {
            clearByHand.accept(alert, actor);
            book.markStateChanged();
            return CommandResult.done();
        });
    }

    /** Back to ACKNOWLEDGED if someone had acknowledged it, else OPEN; by a person, or by the clock (null actor). */
    static void unshelve(AlertBook book, Alert alert, String why, String actor, long at) {
        alert.setState(alert.getAcknowledgedBy() == null ? AlertState.OPEN : AlertState.ACKNOWLEDGED);
        alert.setShelvedUntil(0);
        book.markStateChanged();
        book.changed(alert, AlertChangeKind.UNSHELVED, why, actor, at, 0);
    }

    private CommandResult done(Alert alert, AlertChangeKind kind, String detail, String actor) {
        book.markStateChanged();
        book.changed(alert, kind, detail, actor, clock.get(), 0);
        return CommandResult.done();
    }

    private static CommandResult conflict(Alert alert, String rule) {
        return CommandResult.conflict("alert " + alert.getId() + " is " + alert.getState() + ": " + rule);
    }
}
