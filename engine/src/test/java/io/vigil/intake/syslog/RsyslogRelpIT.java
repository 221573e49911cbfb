package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real rsyslog (Debian's rsyslogd with rsyslog-relp) forwards with {@code omrelp} to a running
 * {@link SyslogServer}, plainly and inside TLS with a client certificate: every line it is fed must
 * arrive once, acknowledged, as a RELP event.
 */
class RsyslogRelpIT {

    private static final int LINES = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MARKER = "relp line ";

    private final RecordingEventIntake intake = new RecordingEventIntake();
    private final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();
    @TempDir
    Path folder;
    private SyslogServer server;

    @BeforeAll
    static void requireRsyslog() {
        assumeTrue(RsyslogProcess.installed("omrelp.so"), "needs rsyslogd with omrelp (Debian packages rsyslog and rsyslog-relp)");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldReceiveEveryLineRsyslogForwardsOverRelpOnce() throws Exception {
        server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, -1).withRelp(0, false), intake, deadLetters);
        server.start();

        try (RsyslogProcess rsyslog = RsyslogProcess.start(folder.resolve("rsyslog"), "", """
                module(load="omrelp")
                # Retried for ever: a line is never given up while the server is unreachable.
                action(type="omrelp" target="127.0.0.1" port="%d" action.resumeRetryCount="-1")
                """.formatted(server.relpPort()))) {
            rsyslog.feed(lines());
            Map<String, List<EventDraft>> byMessage = awaitLines();
            assertThat(byMessage).as("distinct lines received; rsyslogd's output:\n%s", rsyslog.output()).hasSize(LINES);
        }
        Map<String, List<EventDraft>> byMessage = linesReceived();
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

    @Test
    void shouldReceiveRsyslogOverRelpInsideTlsWithAClientCertificate() throws Exception {
        TestPki clients = new TestPki("Syslog clients CA");
        TestPki.Issued web01 = clients.issue("CN=web01.example.test,O=Example", "web01.example.test");
        Path clientCertificate = web01.writePem(folder, "web01");
        SyslogTlsSettings mutual = new SyslogTlsSettings(null, null, null, clients.writeCa(folder, "clients-ca"),
                List.of("web01.example.test"), folder.resolve("vigil-tls"));
        server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, -1).withTls(-1, mutual).withRelp(0, true), intake,
                deadLetters);
        server.start();
        Path serverCertificate = folder.resolve("vigil-tls").resolve(SyslogTls.GENERATED_CERTIFICATE);

        try (RsyslogProcess rsyslog = RsyslogProcess.start(folder.resolve("rsyslog"), "", """
                module(load="omrelp")
                action(type="omrelp" target="127.0.0.1" port="%d" action.resumeRetryCount="-1"
                       tls="on" tls.caCert="%s" tls.myCert="%s" tls.myPrivKey="%s"
                       tls.authMode="name" tls.permittedPeer=["localhost"])
                """.formatted(server.relpPort(), serverCertificate, clientCertificate, web01.keyFile(folder, "web01")))) {
            rsyslog.feed(lines());
            Map<String, List<EventDraft>> byMessage = awaitLines();
            assertThat(byMessage).as("distinct lines received; rsyslogd's output:\n%s", rsyslog.output()).hasSize(LINES);
        }
        EventDraft first = linesReceived().get(MARKER + 1).get(0);
        assertThat(first.transport()).isEqualTo(SyslogServer.RELP);
        assertThat(first.source()).isEqualTo("cert:web01.example.test");
        assertThat(server.countersByTransport().get(SyslogServer.RELP).refusedClients()).isZero();
    }

    private static List<String> lines() {
        return IntStream.rangeClosed(1, LINES)
                .mapToObj(i -> "<134>1 2026-11-21T06:30:40.250Z web01 billing 4242 - - " + MARKER + i).toList();
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
}
