package io.vigil.intake.syslog;

import io.vigil.intake.DeadLetter;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real util-linux {@code logger} sends to a running {@link SyslogServer} over UDP and TCP. */
class SyslogLoggerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RecordingEventIntake intake = new RecordingEventIntake();
    private static final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();
    private static SyslogServer server;
    private static String hostname;

    @BeforeAll
    static void startServer() throws IOException {
        // logger sends gethostname(), which is what the kernel holds; RFC 3164 mode cuts the domain.
        hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        server = new SyslogServer(new SyslogSettings("127.0.0.1", 0, 0), intake, deadLetters);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldReceiveLoggerRfc5424OverUdp() throws Exception {
        EventDraft draft = send("--udp", "--rfc5424", "-p", "user.err", "disk full on udp 5424");

        assertThat(draft.transport()).isEqualTo("syslog-udp");
        assertThat(draft.source()).isEqualTo("syslog:127.0.0.1");
        assertThat(draft.resource()).isEqualTo(hostname);
        assertThat(draft.check()).isEqualTo("app");
        assertThat(draft.severity()).isEqualTo(Severity.ERROR);
        assertThat(draft.attributes()).containsEntry("facility", "user").containsEntry("timeQuality.tzKnown", "1");
    }

    @Test
    void shouldReceiveLoggerRfc3164OverUdp() throws Exception {
        EventDraft draft = send("--udp", "--rfc3164", "-p", "local3.warning", "disk full on udp 3164");

        assertThat(draft.resource()).isEqualTo(hostname.split("\\.")[0]);
        assertThat(draft.check()).isEqualTo("app");
        assertThat(draft.severity()).isEqualTo(Severity.WARNING);
        assertThat(draft.attributes()).containsEntry("facility", "local3");
    }

    @Test
    void shouldReceiveOctetCountedUdpDatagrams() throws Exception {
        EventDraft draft = send("--udp", "--rfc5424", "--octet-count", "-p", "user.notice", "counted on udp");

        assertThat(draft.severity()).isEqualTo(Severity.NOTICE);
        assertThat(draft.check()).isEqualTo("app");
    }

    @Test
    void shouldReceiveLoggerRfc5424OverTcpWithOctetCounting() throws Exception {
        EventDraft draft = send("--tcp", "--rfc5424", "--octet-count", "-p", "user.err", "disk full on tcp counted");

        assertThat(draft.transport()).isEqualTo("syslog-tcp");
        assertThat(draft.resource()).isEqualTo(hostname);
        assertThat(draft.check()).isEqualTo("app");
        assertThat(draft.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void shouldReceiveLoggerRfc3164OverTcpWithLineFeeds() throws Exception {
        EventDraft draft = send("--tcp", "--rfc3164", "-p", "daemon.crit", "disk full on tcp lines");

        assertThat(draft.transport()).isEqualTo("syslog-tcp");
        assertThat(draft.resource()).isEqualTo(hostname.split("\\.")[0]);
        assertThat(draft.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(draft.attributes()).containsEntry("facility", "daemon");
    }

    @Test
    void shouldDeadLetterGarbageOverTcpAndStillReceiveTheLineAfterIt() throws Exception {
        long deadLettersBefore = deadLetters.count();
        try (Socket socket = new Socket("127.0.0.1", server.tcpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x01, (byte) 0xa5, 0x01, '\n'});
            out.write("<13>Nov 21 06:30:40 web01 app: after the garbage\n".getBytes(StandardCharsets.US_ASCII));
        }

        EventDraft after = awaitMessage("after the garbage");
        List<DeadLetter> letters = deadLetters.await((int) deadLettersBefore + 1, WAIT);

        assertThat(after.resource()).isEqualTo("web01");
        DeadLetter garbage = letters.get(letters.size() - 1);
        assertThat(garbage.transport()).isEqualTo("syslog-tcp");
        assertThat(garbage.peer()).isEqualTo("127.0.0.1");
        assertThat(garbage.reason()).isEqualTo("missing PRI: expected \"<\" at the start, got \"\\x16\\x03\\x01\uFFFD\\x01\"");
        assertThat(garbage.raw()).containsExactly(0x16, 0x03, 0x01, 0xa5, 0x01);
        assertThat(server.counters().deadLettered()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldDeadLetterABogusOctetCountAndCloseTheConnectionKeepingWhatCameBefore() throws Exception {
        long closedBefore = server.counters().connectionsClosed();
        try (Socket socket = new Socket("127.0.0.1", server.tcpPort())) {
            socket.getOutputStream().write(("<13>Nov 21 06:30:40 web01 app: before the bogus count\n"
                    + "999999999 <13>1 - web01 app - - - bogus\n"
                    + "<13>Nov 21 06:30:40 web01 app: never framed\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(closedByServer(socket)).as("the server closed the connection").isTrue();
        }

        awaitMessage("before the bogus count");
        DeadLetter letter = awaitDeadLetter("octet count 999999999");
        assertThat(letter.reason()).isEqualTo("octet count 999999999 exceeds the maximum frame length of 66560 bytes;"
                + " connection closed, as the stream cannot be framed after a count that may be wrong");
        assertThat(new String(letter.raw(), StandardCharsets.US_ASCII)).startsWith("999999999 <13>1 - web01 app - - - bogus\n");
        assertThat(server.counters().connectionsClosed()).isEqualTo(closedBefore + 1);
        assertThat(intake.committed()).extracting(EventDraft::message).doesNotContain("never framed");
        try (Socket again = new Socket("127.0.0.1", server.tcpPort())) {
            again.getOutputStream().write("<13>Nov 21 06:30:40 web01 app: reconnected\n".getBytes(StandardCharsets.US_ASCII));
        }
        awaitMessage("reconnected");
    }

    @Test
    void shouldDeadLetterAnOverlongLineAndReadTheNextOneOnTheSameConnection() throws Exception {
        long oversizedBefore = server.counters().oversized();
        try (Socket socket = new Socket("127.0.0.1", server.tcpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("<13>Nov 21 06:30:40 web01 app: " + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write("<13>Nov 21 06:30:40 web01 app: after the long line\n".getBytes(StandardCharsets.US_ASCII));

            awaitMessage("after the long line");
            DeadLetter letter = awaitDeadLetter("line longer than");
            assertThat(letter.reason()).isEqualTo("line longer than 66560 bytes without a line feed; skipped to the next one");
            assertThat(letter.raw()).hasSize(1024);
            assertThat(server.counters().oversized()).isEqualTo(oversizedBefore + 1);
            out.write("<13>Nov 21 06:30:40 web01 app: still connected\n".getBytes(StandardCharsets.US_ASCII));
            awaitMessage("still connected");
        }
    }

    /** Whether the peer closes the connection within the wait: end of stream, or a reset. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static DeadLetter awaitDeadLetter(String reasonStart) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (DeadLetter letter : deadLetters.letters()) {
                if (letter.reason().startsWith(reasonStart)) {
                    return letter;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no dead letter \"" + reasonStart + "…\"; got " + deadLetters.letters());
    }

    /** Runs logger with the given transport options against the server; returns the event it produced. */
    private static EventDraft send(String transport, String... options) throws Exception {
        String message = options[options.length - 1];
        List<String> command = new ArrayList<>(List.of("/usr/bin/logger", "--server", "127.0.0.1", "--port",
                String.valueOf("--udp".equals(transport) ? server.udpPort() : server.tcpPort()), transport, "-t", "app"));
        command.addAll(List.of(options));
        Process logger = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(logger.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("logger finished").isTrue();
        assertThat(logger.exitValue()).as(new String(logger.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        EventDraft draft = awaitMessage(message);
        assertThat(draft.raw()).contains(message);
        return draft;
    }

    private static EventDraft awaitMessage(String message) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (EventDraft draft : intake.committed()) {
                if (message.equals(draft.message())) {
                    return draft;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no event with message \"" + message + "\" arrived; got " + intake.committed()
                + " and dead letters " + deadLetters.letters());
    }
}
