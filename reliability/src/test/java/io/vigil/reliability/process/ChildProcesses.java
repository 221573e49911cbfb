package io.vigil.reliability.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for, and stopping, the child processes a scenario started. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Waits until a freshly started process is {@code ready}; fails when it exits first or the
     * timeout passes, saying so with {@code where} (its log, or where the log is).
     */
    static void awaitReady(Process process, String name, Duration timeout, BooleanSupplier ready, Supplier<String> where) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; " + where.get());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; " + where.get());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** A normal stop (SIGTERM), or SIGKILL when it takes longer than {@code grace}. */
    static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(process, grace)) {
            kill9(process);
        }
    }

    /** SIGKILL, and wait until it is gone. */
    static void kill9(Process process) {
        process.destroyForcibly();
        waitForExit(process, Duration.ofSeconds(30));
    }

    static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps; an interrupt ends the scenario. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
