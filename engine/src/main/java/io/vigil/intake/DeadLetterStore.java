package io.vigil.intake;

/** Keeps input that could not be parsed. Must not block an I/O thread for long; must never throw for bad input. */
public interface DeadLetterStore {

    void record(DeadLetter letter);

    /** How many dead letters were recorded since start (for metrics and tests). */
    long count();
}
