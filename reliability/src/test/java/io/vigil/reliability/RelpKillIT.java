package io.vigil.reliability;

import io.vigil.reliability.check.StoredState;
import io.vigil.reliability.load.LoadEvents;
import io.vigil.reliability.process.ChildProcesses;
import io.vigil.reliability.process.Folders;
import io.vigil.reliability.process.FreePorts;
import io.vigil.reliability.process.PackagedServer;
import io.vigil.reliability.process.PrivateMariaDb;
import io.vigil.reliability.process.Rsyslogd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenario 4: rsyslog forwards a stream of distinct lines over RELP ({@code omrelp} with an
 * in-memory action queue, retrying for ever) to the packaged server, which is killed with -9
 * mid-stream and started again on the same ports. RELP acknowledges a line only once it is
 * committed, so every line must be in the journal. A line committed whose answer died with the
 * server is sent again, so it may be there twice: at most one RELP window of lines per kill.
 */
class RelpKillIT {

    private static final int LINES = 20_000;
    private static final int LINES_PER_SECOND = 1_000;
    /** rsyslog's omrelp default (librelp's): the most lines sent and not yet acknowledged. */
    private static final int WINDOW = 128;
    /** The kill comes once this many lines are journaled, with most of the stream still to come. */
    private static final int JOURNALED_AT_KILL = 2_000;
    private static final Duration STREAM_STARTS = Duration.ofMinutes(1);
    private static final Duration DELIVERED = Duration.ofMinutes(5);
    private static final String DATABASE = "vigil";
    private static final String PREFIX = LoadEvents.MARKER + "relp-";

    private final RunSize size = RunSize.fromSystemProperties();
    private final ScenarioReport report = new ScenarioReport("RelpKillIT", size);
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void shouldStoreEveryLineRsyslogForwardsOverRelpAcrossAKill9() {
        assumeTrue(Rsyslogd.installed(), "needs rsyslogd with omrelp (Debian packages rsyslog and rsyslog-relp)");
        Path home = size.output().resolve("RelpKillIT");
        Folders.deleteTree(home);
        report.run(() -> {
            try (PrivateMariaDb db = PrivateMariaDb.install(size.distribution(), size.binaries(), home.resolve("mariadb"), DATABASE);
                 PackagedServer server = new PackagedServer(size.jar(), home, Map.of("VIGIL_DB_URL", db.jdbcUrl(DATABASE),
                         "VIGIL_DB_USER", "root", "VIGIL_DB_PASSWORD", "", "VIGIL_SYSLOG_RELPPORT", String.valueOf(FreePorts.tcp())))) {
                report.figures.add("first start (empty schema)", server.start(Deployment.START).toMillis() + " ms");
                try (Rsyslogd rsyslogd = Rsyslogd.start(home.resolve("rsyslog"), "target=\"127.0.0.1\" port=\"" + server.relpPort()
                        + "\" windowSize=\"" + WINDOW + "\" queue.type=\"LinkedList\" queue.size=\"" + 5 * LINES
                        + "\" action.resumeRetryCount=\"-1\" action.resumeInterval=\"1\"", Duration.ofMinutes(1))) {
                    play(server, new StoredState(db.jdbcUrl(DATABASE)), rsyslogd);
                }
            }
        });
    }

    private void play(PackagedServer server, StoredState stored, Rsyslogd rsyslogd) {
        Thread feeder = new Thread(() -> feed(rsyslogd.inputPort()), "rsyslog-feeder");
        feeder.setDaemon(true);
        feeder.start();
        try {
            int atKill = awaitJournaled(stored, JOURNALED_AT_KILL, STREAM_STARTS);
            if (atKill < JOURNALED_AT_KILL) {
                throw new IllegalStateException("only " + atKill + " lines journaled within " + STREAM_STARTS.toSeconds()
                        + " s, before the kill; see " + server.log() + " and " + rsyslogd.log());
            }
            server.kill9();
            Instant killed = Instant.now();
            report.figures.add("lines journaled at the kill", atKill)
                    .add("restart after kill -9 until UP", server.start(Deployment.START).toMillis() + " ms");
            int distinct = awaitJournaled(stored, LINES, DELIVERED);
            report.figures.add("kill → every line journaled", distinct < LINES ? "not within " + DELIVERED.toMinutes() + " min"
                    : Duration.between(killed, Instant.now()).toMillis() + " ms");
        } finally {
            feeder.interrupt();
        }
        // A resent line arrives right after the resumed session opens, well within this.
        ChildProcesses.pause(Duration.ofSeconds(3));
        judge(stored.journalByMarker(PREFIX));
        report.figures.add("engine caught up after the stream", CatchUp.await(stored, Duration.ofMinutes(2), report));
    }

    private void judge(Map<String, List<Long>> journal) {
        List<String> missing = IntStream.rangeClosed(1, sent.get()).mapToObj(i -> PREFIX + i).filter(m -> !journal.containsKey(m)).toList();
        long rows = journal.values().stream().mapToLong(List::size).sum();
        long duplicates = rows - journal.size();
        report.figures.add("lines sent to rsyslog", sent.get() + " of " + LINES)
                .add("lines journaled", journal.size() + " distinct, " + rows + " rows")
                .add("duplicates (resent after the kill; bound: one window of " + WINDOW + ")", duplicates)
                .add("lines missing", missing.size());
        if (sent.get() < LINES) {
            report.fail("only " + sent.get() + " of " + LINES + " lines could be sent to rsyslogd");
        }
        if (!missing.isEmpty()) {
            report.fail(missing.size() + " lines are missing from the journal, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
        if (duplicates > WINDOW) {
            report.fail(duplicates + " duplicate rows, more than one RELP window (" + WINDOW + ") resent after one kill");
        }
    }

    /** Writes the lines to rsyslog's input at a steady pace; stops early when interrupted. */
    private void feed(int port) {
        long intervalNanos = 1_000_000_000L / LINES_PER_SECOND;
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            for (int i = 1; i <= LINES && !Thread.currentThread().isInterrupted(); i++) {
                out.write(("<134>1 - relp-sender app 77 - - " + PREFIX + i + "\n").getBytes(StandardCharsets.US_ASCII));
                sent.set(i);
                long ahead = start + i * intervalNanos - System.nanoTime();
                if (ahead > 1_000_000) {
                    Thread.sleep(ahead / 1_000_000);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot feed rsyslogd on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code count} distinct lines are journaled; returns how many are. */
    private static int awaitJournaled(StoredState stored, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int journaled = stored.journalByMarker(PREFIX).size();
        while (journaled < count && Instant.now().isBefore(deadline)) {
            ChildProcesses.pause(Duration.ofMillis(200));
            journaled = stored.journalByMarker(PREFIX).size();
        }
        return journaled;
    }
}
