package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Syslog over TLS (RFC 5425) against a running {@link SyslogServer} with JDK TLS clients: the
 * generated certificate, configured PEM and PKCS#12 certificates, and mutual TLS with its allow-list.
 */
class SyslogTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LINE = "<165>1 2026-11-27T10:00:00Z web01 nginx 42 ID7 - upstream timed out";

    private final RecordingEventIntake intake = new RecordingEventIntake();
    private final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();

    @TempDir
    Path dir;

    @Test
    void shouldGenerateASelfSignedCertificateOnceAndKeepIt() throws Exception {
        SyslogTlsSettings generated = SyslogTlsSettings.selfSigned(dir.resolve("tls"));
        String firstFingerprint;
        try (SyslogServer server = start(generated)) {
            firstFingerprint = server.tls().fingerprint("SHA-256");
            X509Certificate onDisk = TestPki.readPem(dir.resolve("tls").resolve(SyslogTls.GENERATED_CERTIFICATE));
            assertThat(onDisk).isEqualTo(server.tls().certificate());
            assertThat(onDisk.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                    .contains("localhost", "127.0.0.1");
            assertThat(Files.getPosixFilePermissions(dir.resolve("tls").resolve(SyslogTls.GENERATED_KEY)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            send(server, TestPki.clientContext(onDisk, null, "TLSv1.3"), LINE);
            EventDraft draft = intake.awaitCommitted(1, WAIT).get(0);
            assertThat(draft.transport()).isEqualTo("syslog-tls");
            assertThat(draft.source()).isEqualTo("syslog:127.0.0.1");
            assertThat(draft.resource()).isEqualTo("web01");
            assertThat(draft.message()).isEqualTo("upstream timed out");
        }
        try (SyslogServer restarted = start(generated)) {
            assertThat(restarted.tls().fingerprint("SHA-256")).isEqualTo(firstFingerprint).startsWith("SHA256:");
            send(restarted, TestPki.clientContext(restarted.tls().certificate(), null, "TLSv1.2"), LINE);
            assertThat(intake.awaitCommitted(2, WAIT)).hasSize(2);
        }
    }

    @Test
    void shouldReadAConfiguredPemCertificateAndAPkcs12File() throws Exception {
        TestPki pki = new TestPki("Test CA");
        TestPki.Issued serverCertificate = pki.issue("CN=syslog.example.test", "localhost", "127.0.0.1");
        Path pem = serverCertificate.writePem(dir, "server");
        try (SyslogServer server = start(new SyslogTlsSettings(pem, serverCertificate.keyFile(dir, "server"), null, null,
                List.of(), dir))) {
            send(server, TestPki.clientContext(pki.caCertificate(), null, "TLS"), LINE);
            assertThat(intake.awaitCommitted(1, WAIT)).hasSize(1);
        }
        Path p12 = serverCertificate.writePkcs12(dir.resolve("server.p12"), "s3cret");
        try (SyslogServer server = start(new SyslogTlsSettings(p12, null, "s3cret", null, List.of(), dir))) {
            assertThat(server.tls().certificate()).isEqualTo(serverCertificate.certificate());
            send(server, TestPki.clientContext(pki.caCertificate(), null, "TLS"), LINE);
            assertThat(intake.awaitCommitted(2, WAIT)).hasSize(2);
        }
        assertThat(Files.exists(dir.resolve(SyslogTls.GENERATED_CERTIFICATE))).as("nothing generated").isFalse();
    }

    @Test
    void shouldNameWhatIsWrongWithTheConfiguredCertificate() throws Exception {
        TestPki pki = new TestPki("Test CA");
        TestPki.Issued serverCertificate = pki.issue("CN=syslog.example.test", "localhost");
        Path pem = serverCertificate.writePem(dir, "server");
        Path p12 = serverCertificate.writePkcs12(dir.resolve("server.p12"), "s3cret");

        assertThatThrownBy(() -> SyslogTls.load(new SyslogTlsSettings(pem, null, null, null, List.of(), dir)))
                .hasMessageContaining("server.pem is PEM: set its private key too (VIGIL_SYSLOG_TLS_KEY)");
        assertThatThrownBy(() -> SyslogTls.load(new SyslogTlsSettings(dir.resolve("missing.pem"), null, null, null,
                List.of(), dir)))
                .hasMessageContaining("certificate (VIGIL_SYSLOG_TLS_CERTIFICATE)").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SyslogTls.load(new SyslogTlsSettings(p12, null, "wrong", null, List.of(), dir)))
                .hasMessageContaining("cannot read the syslog TLS certificate " + p12 + " as PKCS#12 (or PEM) with the "
                        + "password given");
        Path garbageKey = Files.writeString(dir.resolve("garbage-key.pem"),
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SyslogTls.load(new SyslogTlsSettings(pem, garbageKey, null, null, List.of(), dir)))
                .hasMessageContaining("cannot read the syslog TLS private key " + garbageKey);
        Path notCertificates = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> SyslogTls.load(new SyslogTlsSettings(pem, serverCertificate.keyFile(dir, "server"), null,
                notCertificates, List.of(), dir)))
                .hasMessageContaining("client CA bundle " + notCertificates);
        assertThatThrownBy(() -> new SyslogTlsSettings(null, null, null, null, List.of("web01"), dir))
                .hasMessageContaining("allowed clients need a client CA bundle");
    }

    @Test
    void shouldNameAuthenticatedClientsAfterTheirCertificateAndRefuseTheOthers() throws Exception {
        TestPki pki = new TestPki("Syslog clients CA");
        Path caFile = pki.writeCa(dir, "clients-ca");
        TestPki.Issued web01 = pki.issue("CN=web01,O=Example", "web01.example.test");
        TestPki.Issued db01 = pki.issue("CN=db01,O=Example");
        TestPki.Issued stranger = pki.issue("CN=laptop,O=Somewhere", "laptop.elsewhere.test");
        TestPki.Issued foreign = new TestPki("Another CA").issue("CN=web01,O=Example", "web01.example.test");
        SyslogTlsSettings mutual = new SyslogTlsSettings(null, null, null, caFile,
                List.of("*.example.test", "CN=db01, O=Example"), dir.resolve("tls"));

        try (SyslogServer server = start(mutual)) {
            X509Certificate serverCertificate = server.tls().certificate();
            send(server, TestPki.clientContext(serverCertificate, web01, "TLSv1.3"), LINE);
            send(server, TestPki.clientContext(serverCertificate, db01, "TLSv1.2"), LINE);
            assertThat(intake.awaitCommitted(2, WAIT)).extracting(EventDraft::source)
                    .containsExactlyInAnyOrder("cert:web01.example.test", "cert:db01");

            assertRefused(server, TestPki.clientContext(serverCertificate, null, "TLSv1.3"));
            assertRefused(server, TestPki.clientContext(serverCertificate, null, "TLSv1.2"));
            assertRefused(server, TestPki.clientContext(serverCertificate, stranger, "TLSv1.3"));
            assertRefused(server, TestPki.clientContext(serverCertificate, foreign, "TLSv1.3"));

            SyslogCounters tls = server.countersByTransport().get(SyslogServer.TLS);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (tls.refusedClients() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(tls.refusedClients()).isEqualTo(4);
            assertThat(intake.committed()).as("nothing from refused clients").hasSize(2);
            assertThat(tls.accepted()).isEqualTo(2);
        }
    }

    @Test
    void shouldAcceptOnlyTls12AndNewer() throws Exception {
        try (SyslogServer server = start(SyslogTlsSettings.selfSigned(dir))) {
            SSLContext context = TestPki.clientContext(server.tls().certificate(), null, "TLS");
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.tlsPort())) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).as("TLS 1.3 preferred").isEqualTo("TLSv1.3");
            }
            try (SSLSocket old = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.tlsPort())) {
                old.setEnabledProtocols(new String[] {"TLSv1.1"});
                assertThatThrownBy(old::startHandshake).isInstanceOf(SSLException.class);
            }
        }
    }

    private SyslogServer start(SyslogTlsSettings tls) {
        SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, -1).withTls(0, tls), intake, deadLetters);
        server.start();
        return server;
    }

    /** Sends octet-counted frames (RFC 5425) and waits for the server to close nothing. */
    private static void send(SyslogServer server, SSLContext context, String... lines) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.tlsPort())) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            for (String line : lines) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            out.flush();
        }
    }

    /** The handshake fails, or (TLS 1.3 checks the client after the client's Finished) the server closes at once. */
    private void assertRefused(SyslogServer server, SSLContext context) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            byte[] bytes = LINE.getBytes(StandardCharsets.UTF_8);
            out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("the server closes the connection").isEqualTo(-1);
        } catch (SSLException | SocketException expected) {
            // refused during the handshake, or the close arrived as a reset
        }
    }
}
