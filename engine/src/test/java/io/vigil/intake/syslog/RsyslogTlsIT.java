package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real rsyslog forwards to a running {@link SyslogServer} as an operator would configure it:
 * over TLS (gtls, octet-counted RFC 5425) checking the server's name against the CA file, with a
 * client certificate; with a certificate from an unknown CA (refused); and over plain TCP.
 */
class RsyslogTlsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LINES = 200;

    private final RecordingEventIntake intake = new RecordingEventIntake();
    private final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireRsyslog() {
        assumeTrue(RsyslogProcess.installed("lmnsd_gtls.so"),
                "needs Debian's rsyslog and rsyslog-gnutls (installed by .ci/run)");
    }

    @Test
    void shouldReceiveRsyslogOverTlsWithAClientCertificateCheckingTheGeneratedServerCertificate() throws Exception {
        TestPki clients = new TestPki("Syslog clients CA");
        TestPki.Issued web01 = clients.issue("CN=web01.example.test,O=Example", "web01.example.test");
        Path clientCertificate = web01.writePem(dir, "web01");
        SyslogTlsSettings mutual = new SyslogTlsSettings(null, null, null, clients.writeCa(dir, "clients-ca"),
                List.of("web01.example.test"), dir.resolve("vigil-tls"));

        try (SyslogServer server = start(mutual)) {
            // The README's recipe: the generated certificate is the CA file, its name "localhost" is checked.
            Path serverCertificate = dir.resolve("vigil-tls").resolve(SyslogTls.GENERATED_CERTIFICATE);
            try (RsyslogProcess rsyslog = RsyslogProcess.start(dir.resolve("rsyslog"),
                    tlsGlobals(serverCertificate, clientCertificate, web01.keyFile(dir, "web01")),
                    forwardOverTls(server.tlsPort(), "localhost"))) {
                rsyslog.feed(lines("over-tls"));
                List<EventDraft> events = intake.awaitCommitted(LINES, WAIT);
                assertThat(events).as("rsyslog's output:\n%s", rsyslog.output()).hasSize(LINES);
                EventDraft first = events.get(0);
                assertThat(first.transport()).isEqualTo("syslog-tls");
                assertThat(first.source()).isEqualTo("cert:web01.example.test");
                assertThat(first.resource()).isEqualTo("app-host");
                assertThat(first.check()).isEqualTo("payments");
                assertThat(first.severity()).isEqualTo(Severity.ERROR);
                assertThat(events).extracting(EventDraft::message)
                        .containsExactlyElementsOf(IntStream.range(0, LINES).mapToObj(i -> "over-tls line " + i).toList());
            }
        }
    }

    @Test
    void shouldRefuseRsyslogWithACertificateFromAnUnknownCa() throws Exception {
        TestPki trusted = new TestPki("Syslog clients CA");
        TestPki.Issued impostor = new TestPki("Somebody else's CA").issue("CN=web01.example.test", "web01.example.test");
        Path impostorCertificate = impostor.writePem(dir, "impostor");
        SyslogTlsSettings mutual = new SyslogTlsSettings(null, null, null, trusted.writeCa(dir, "clients-ca"),
                List.of(), dir.resolve("vigil-tls"));

        try (SyslogServer server = start(mutual)) {
            Path serverCertificate = dir.resolve("vigil-tls").resolve(SyslogTls.GENERATED_CERTIFICATE);
            try (RsyslogProcess rsyslog = RsyslogProcess.start(dir.resolve("rsyslog"),
                    tlsGlobals(serverCertificate, impostorCertificate, impostor.keyFile(dir, "impostor")),
                    forwardOverTls(server.tlsPort(), "localhost"))) {
                rsyslog.feed(lines("impostor"));
                SyslogCounters tls = server.countersByTransport().get(SyslogServer.TLS);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (tls.refusedClients() == 0 && System.nanoTime() - deadline < 0) {
                    Thread.sleep(20);
                }
                assertThat(tls.refusedClients()).as("rsyslog's output:\n%s", rsyslog.output()).isPositive();
                Thread.sleep(500);
                assertThat(intake.committed()).isEmpty();
                assertThat(tls.received()).isZero();
            }
        }
    }

    @Test
    void shouldReceiveRsyslogOverPlainTcp() throws Exception {
        try (SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, 0), intake, deadLetters)) {
            server.start();
            try (RsyslogProcess rsyslog = RsyslogProcess.start(dir.resolve("rsyslog"), "", """
                    action(type="omfwd" target="127.0.0.1" port="%d" protocol="tcp" TCP_Framing="octet-counted"
                           template="RSYSLOG_SyslogProtocol23Format" action.resumeRetryCount="-1")
                    """.formatted(server.tcpPort()))) {
                rsyslog.feed(lines("over-tcp"));
                List<EventDraft> events = intake.awaitCommitted(LINES, WAIT);
                assertThat(events).as("rsyslog's output:\n%s", rsyslog.output()).hasSize(LINES);
                assertThat(events.get(0).transport()).isEqualTo("syslog-tcp");
                assertThat(events.get(0).source()).isEqualTo("syslog:127.0.0.1");
                assertThat(events.get(LINES - 1).message()).isEqualTo("over-tcp line " + (LINES - 1));
            }
        }
    }

    private SyslogServer start(SyslogTlsSettings tls) {
        SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, -1).withTls(0, tls), intake, deadLetters);
        server.start();
        return server;
    }

    private static String tlsGlobals(Path caFile, Path certificate, Path key) {
        return "DefaultNetstreamDriverCAFile=\"%s\" DefaultNetstreamDriverCertFile=\"%s\" DefaultNetstreamDriverKeyFile=\"%s\""
                .formatted(caFile, certificate, key);
    }

    /** rsyslog's documented TLS forwarding: gtls, x509/name against the permitted peer, octet-counted. */
    private static String forwardOverTls(int port, String permittedPeer) {
        return """
                action(type="omfwd" target="127.0.0.1" port="%d" protocol="tcp"
                       StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name"
                       StreamDriverPermittedPeers="%s" TCP_Framing="octet-counted"
                       template="RSYSLOG_SyslogProtocol23Format" action.resumeRetryCount="-1")
                """.formatted(port, permittedPeer);
    }

    private static List<String> lines(String tag) {
        return IntStream.range(0, LINES)
                .mapToObj(i -> "<11>1 2026-11-27T10:00:00.000Z app-host payments 4711 - - " + tag + " line " + i)
                .toList();
    }
}
