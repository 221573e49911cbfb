package io.vigil.session;

/**
 * The answer to an {@link EngineCommand}, given once its effects are committed.
 *
 * @param error     null when it worked; otherwise a message saying why not, e.g.
 *                  "incident 7 is RESOLVED and has no Acknowledge task waiting"
 * @param kind      what went wrong, so the API picks the status code
 * @param createdId the id the engine gave to what the command created (a planned downtime), else null
 */
public record CommandResult(boolean ok, Kind kind, String error, Long createdId) {

    public enum Kind { DONE, NOT_FOUND, CONFLICT }

    public static CommandResult done() {
        return new CommandResult(true, Kind.DONE, null, null);
    }

    public static CommandResult created(long id) {
        return new CommandResult(true, Kind.DONE, null, id);
    }

    public static CommandResult notFound(String error) {
        return new CommandResult(false, Kind.NOT_FOUND, error, null);
    }

    public static CommandResult conflict(String error) {
        return new CommandResult(false, Kind.CONFLICT, error, null);
    }
}
