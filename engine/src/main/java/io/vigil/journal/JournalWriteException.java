package io.vigil.journal;

/** A journal transaction failed: none of the submission's events were stored; the caller may retry. */
public final class JournalWriteException extends RuntimeException {

    public JournalWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
