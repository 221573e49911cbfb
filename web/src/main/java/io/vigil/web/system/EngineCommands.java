package io.vigil.web.system;

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
 * Hands what a person asks (incident steps, service tree replacement, downtimes) to the engine
 * thread and turns its answer into HTTP terms: the future completes normally once the command's
 * effects are committed, or fails with a ResponseStatusException (404 unknown target, 409
 * refused, 503 engine too slow). Used by the API and the console alike.
 */
@Component
public class EngineCommands {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EngineInbox inbox;

    EngineCommands(EngineInbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Runs {@code command}; {@code subject} names what it changes ("incident 7", "the service
     * tree") for the message given when the engine does not answer in time.
     */
    public CompletableFuture<CommandResult> execute(EngineCommand command, String subject) {
        return inbox.submit(command)
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw failure instanceof TimeoutException
                                ? new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the engine did not answer within "
                                + TIMEOUT.toSeconds() + " s; " + subject + " may still change")
                                : new IllegalStateException("the engine failed to run " + command, failure);
                    }
                    if (result.kind() == CommandResult.Kind.NOT_FOUND) {
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND, result.error());
                    }
                    if (result.kind() == CommandResult.Kind.CONFLICT) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, result.error());
                    }
                    return result;
                });
    }
}
