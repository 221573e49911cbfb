package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real rsyslog (Debian's rsyslogd with rsyslog-relp) forwards with {@code omrelp} to a running
 * {@link SyslogServer}: it is fed RFC 5424 lines on an {@code imtcp} input of its own and must
 * deliver each of them once, acknowledged, as a RELP event. rsyslogd runs as a child with its
 * own configuration, work directory and pid file in a temporary folder, never the system's.
 */
class RsyslogRelpIT {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Path OMRELP = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/omrelp.so");
    private static final int LINES = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MARKER = "relp line ";

    private final RecordingEventIntake intake = new RecordingEventIntake();
    private final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();
    @TempDir
    Path folder;
    private SyslogServer server;
    private Process rsyslogd;

    @AfterEach
    void stop() throws InterruptedException {
        if (rsyslogd != null) {
            rsyslogd.destroy();
            if (!rsyslogd.waitFor(10, TimeUnit.SECONDS)) {
                rsyslogd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldReceiveEveryLineRsyslogForwardsOverRelpOnce() throws Exception {
        assumeTrue(Files.isExecutable(RSYSLOGD) && Files.isRegularFile(OMRELP),
                "needs rsyslogd with omrelp (Debian packages rsyslog and rsyslog-relp)");
        server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, -1).withRelp(0, false), intake, deadLetters);
        server.start();
        int inputPort = freePort();
        startRsyslogd(inputPort, server.relpPort());

        try (Socket input = new Socket(InetAddress.getLoopbackAddress(), inputPort)) {
            OutputStream out = input.getOutputStream();
            for (int i = 1; i <= LINES; i++) {
                out.write(("<134>1 2026-11-21T06:30:40.250Z web01 billing 4242 - - " + MARKER + i + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }

        Map<String, List<EventDraft>> byMessage = awaitLines();
        assertThat(byMessage).as("distinct lines received; rsyslogd's log:\n%s", rsyslogLog()).hasSize(LINES);
        assertThat(byMessage.values()).as("each line once").allSatisfy(copies -> assertThat(copies).hasSize(1));
        EventDraft first = byMessage.get(MARKER + 1).get(0);
        assertThat(first.transport()).isEqualTo(SyslogServer.RELP);
        assertThat(first.source()).isEqualTo("syslog:127.0.0.1");
        assertThat(first.resource()).isEqualTo("web01");
        assertThat(first.check()).isEqualTo("billing");
        assertThat(first.severity()).isEqualTo(Severity.INFORMATIONAL);
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-21T06:30:40.250Z"));
        assertThat(first.attributes()).containsEntry("facility", "local0");
        assertThat(deadLetters.letters()).isEmpty();
        SyslogCounters relp = server.countersByTransport().get(SyslogServer.RELP);
        assertThat(relp.accepted()).isEqualTo(relp.received());
        assertThat(relp.connectionsClosed()).isZero();
    }

    private void startRsyslogd(int inputPort, int relpPort) throws IOException, InterruptedException {
        Path work = Files.createDirectories(folder.resolve("work"));
        String template;
        try (InputStream in = RsyslogRelpIT.class.getResourceAsStream("/intake/rsyslog-relp.conf")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path config = Files.writeString(folder.resolve("rsyslog.conf"), template.replace("@WORK@", work.toString())
                .replace("@INPUT_PORT@", String.valueOf(inputPort)).replace("@RELP_PORT@", String.valueOf(relpPort)));
        rsyslogd = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i", folder.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("rsyslogd.log").toFile()).start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!accepts(inputPort)) {
            assertThat(rsyslogd.isAlive()).as("rsyslogd is running; its log:\n%s", rsyslogLog()).isTrue();
            assertThat(System.nanoTime() - deadline).as("rsyslogd listens within %s; its log:\n%s", WAIT, rsyslogLog()).isNegative();
            Thread.sleep(50);
        }
    }

    private Map<String, List<EventDraft>> awaitLines() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (linesReceived().size() < LINES && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        // A duplicate would arrive after the last distinct line, if at all.
        Thread.sleep(500);
        return linesReceived();
    }

    private Map<String, List<EventDraft>> linesReceived() {
        return intake.committed().stream().filter(draft -> draft.message().startsWith(MARKER))
                .collect(Collectors.groupingBy(EventDraft::message));
    }

    private String rsyslogLog() {
        try {
            return Files.readString(folder.resolve("rsyslogd.log"));
        } catch (IOException e) {
            return "(none: " + e + ")";
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
