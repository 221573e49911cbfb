package io.vigil.reliability.check;

import io.vigil.reliability.process.ChildProcesses;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls until a value is there, or fails naming what it waited for. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Duration every, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s in vain for " + what);
            }
            ChildProcesses.pause(every);
        }
    }
}
