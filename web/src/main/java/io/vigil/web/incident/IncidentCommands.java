package io.vigil.web.incident;

import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a person's acknowledge/resolve to the engine thread and turns its answer into HTTP terms:
 * the future completes normally once the command's effects are committed, or fails with a
 * ResponseStatusException (404 unknown incident, 409 no such task waiting, 503 engine too slow).
 * Used by the API and the console alike.
 */
@Component
class IncidentCommands {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EngineInbox inbox;

    IncidentCommands(EngineInbox inbox) {
        this.inbox = inbox;
    }

    CompletableFuture<Void> execute(EngineCommand command) {
        return inbox.submit(command)
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw failure instanceof TimeoutException
                                ? new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the engine did not answer within "
                                + TIMEOUT.toSeconds() + " s; incident " + command.incidentId() + " may still change")
                                : new IllegalStateException("the engine failed to run " + command, failure);
                    }
                    if (result.kind() == CommandResult.Kind.NOT_FOUND) {
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND, result.error());
                    }
                    if (result.kind() == CommandResult.Kind.CONFLICT) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, result.error());
                    }
                    return null;
                });
    }
}
