package io.vigil.web.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the pipeline does in the background (engine, writers) to become visible. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until {@code probe} returns a value, failing after {@code timeout} with {@code what}. */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
