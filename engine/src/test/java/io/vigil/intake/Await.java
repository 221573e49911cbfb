package io.vigil.intake;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Polls a recording test double until enough has arrived (for tests with real sockets). */
final class Await {

    private Await() {
    }

    static <T> List<T> atLeast(int count, Supplier<List<T>> items, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (items.get().size() < count && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        return items.get();
    }
}
