package io.vigil.alert;

import java.util.PriorityQueue;

/**
 * What the alert desk waits for on the session clock, earliest first: the end of a shelving, of a
 * confirmation window, of a flapping alert's quiet period, a heartbeat's due time, a silence's start
 * or end, the time a cleared alert is forgotten. Entries are reminders, not state: the desk checks the alert, heartbeat or silence when one
 * comes due (it may have changed since), and rebuilds the list from the facts after a restore.
 */
final class DueList {

    enum Kind { SHELVING, CONFIRMATION, FLAPPING, HEARTBEAT, SILENCE, FORGET }

    /** @param alertId for the alert kinds; {@code name} the resource (heartbeat), silence id or key (forget) */
    record Due(long at, Kind kind, long alertId, String name) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));

    void shelving(long at, long alertId) {
        queue.add(new Due(at, Kind.SHELVING, alertId, null));
    }

    void confirmation(long at, long alertId) {
        queue.add(new Due(at, Kind.CONFIRMATION, alertId, null));
    }

    void flapping(long at, long alertId) {
        queue.add(new Due(at, Kind.FLAPPING, alertId, null));
    }

    void heartbeat(long at, String resource) {
        queue.add(new Due(at, Kind.HEARTBEAT, 0, resource));
    }

    void forget(long at, String key) {
        queue.add(new Due(at, Kind.FORGET, 0, key));
    }

    void silence(long at, String silenceId) {
        queue.add(new Due(at, Kind.SILENCE, 0, silenceId));
    }

    /** The earliest entry due at {@code now} or before, taken off the list; null when none is. */
    Due next(long now) {
        Due first = queue.peek();
        return first != null && first.at() <= now ? queue.poll() : null;
    }

    void clear() {
        queue.clear();
    }
}
