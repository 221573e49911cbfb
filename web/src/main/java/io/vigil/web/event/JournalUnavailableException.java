package io.vigil.web.event;

/** The journal could not commit a request's events: nothing was stored and the client should retry. */
final class JournalUnavailableException extends RuntimeException {

    JournalUnavailableException(Throwable cause) {
        super("the event journal could not store the events: " + cause.getMessage(), cause);
    }
}
