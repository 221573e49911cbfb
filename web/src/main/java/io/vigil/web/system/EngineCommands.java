package io.vigil.web.system;

import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands what a person asks (incident steps, service tree replacement, downtimes) to the engine
 * thread and turns its answer into HTTP terms: the future completes normally once the command's
 * effects are committed, or fails with a ResponseStatusException (404 unknown target, 409
 * refused, 503 engine too slow). A command on several targets answers each target in the same
 * terms. Used by the API and the console alike.
 */
@Component
public class EngineCommands {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * What became of one target of a command on several.
     *
     * @param status 200 done, 404 not found, 409 refused
     * @param reason why not; null when done
     */
    public record TargetAnswer(long id, HttpStatus status, String reason) {
    }

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
                    if (!result.ok()) {
                        throw new ResponseStatusException(statusOf(result), result.error());
                    }
                    return result;
                });
    }

    /** Runs a command on several targets, answering each of them in the order the engine took them. */
    public CompletableFuture<List<TargetAnswer>> executeEach(EngineCommand command, String subject) {
        return execute(command, subject).thenApply(done -> done.each().entrySet().stream()
                .map(e -> new TargetAnswer(e.getKey(), statusOf(e.getValue()), e.getValue().error())).toList());
    }

    private static HttpStatus statusOf(CommandResult result) {
        return switch (result.kind()) {
            case DONE -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
