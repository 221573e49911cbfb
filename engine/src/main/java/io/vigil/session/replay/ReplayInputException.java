package io.vigil.session.replay;

/** Replay input that cannot be used; the message names the line (and field) at fault. */
final class ReplayInputException extends RuntimeException {

    ReplayInputException(String message) {
        super(message);
    }
}
