package io.vigil.web.system;

import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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
    private final Duration timeout;

    @Autowired
    EngineCommands(EngineInbox inbox) {
        this(inbox, TIMEOUT);
    }

    EngineCommands(EngineInbox inbox, Duration timeout) {
        this.inbox = inbox;
        this.timeout = timeout;
    }

    /**
     * Runs {@code command}; {@code subject} names what it changes ("incident 7", "the service
     * tree") for the message given when the engine does not answer in time.
     */
    public CompletableFuture<CommandResult> execute(EngineCommand command, String subject) {
        return inbox.submit(command)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw failure instanceof TimeoutException
                                ? new EngineBusyException("the engine did not confirm within " + timeout.toSeconds()
                                + " s (its database may be slow or unreachable); " + subject + " may still change:"
                                + " look at it before you retry")
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

    /** 503 with a Retry-After: the command's outcome is not known yet. */
    static final class EngineBusyException extends ResponseStatusException {

        static final int RETRY_AFTER_SECONDS = 5;

        EngineBusyException(String reason) {
            super(HttpStatus.SERVICE_UNAVAILABLE, reason);
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            return headers;
        }
    }
}
