package io.vigil.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to an {@link EngineCommand}, given once its effects are committed.
 *
 * @param error     null when it worked; otherwise a message saying why not, e.g.
 *                  "incident 7 is RESOLVED and has no Acknowledge task waiting"
 * @param kind      what went wrong, so the API picks the status code
 * @param createdId the id the engine gave to what the command created (a planned downtime), else null
 * @param each      for a command on several targets (incidents by id), each target's own result in
 *                  the order asked; empty for the others
 */
public record CommandResult(boolean ok, Kind kind, String error, Long createdId, Map<Long, CommandResult> each) {

    public enum Kind { DONE, NOT_FOUND, CONFLICT }

    public static CommandResult done() {
        return new CommandResult(true, Kind.DONE, null, null, Map.of());
    }

    public static CommandResult created(long id) {
        return new CommandResult(true, Kind.DONE, null, id, Map.of());
    }

    public static CommandResult notFound(String error) {
        return new CommandResult(false, Kind.NOT_FOUND, error, null, Map.of());
    }

    public static CommandResult conflict(String error) {
        return new CommandResult(false, Kind.CONFLICT, error, null, Map.of());
    }

    /** A command on several targets ran: whatever became of each target is in {@code results}. */
    public static CommandResult each(Map<Long, CommandResult> results) {
        return new CommandResult(true, Kind.DONE, null, null, Collections.unmodifiableMap(new LinkedHashMap<>(results)));
    }
}
