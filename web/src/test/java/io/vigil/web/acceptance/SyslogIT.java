package io.vigil.web.acceptance;

import io.vigil.intake.syslog.SyslogServer;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Syslog as real senders use it: the util-linux {@code logger} over UDP and TCP, and garbage that must not hurt. */
class SyslogIT extends ServerTestSupport {

    private static final Duration ARRIVAL = Duration.ofSeconds(15);

    @Autowired
    SyslogServer syslog;

    final JdbcTemplate db = new JdbcTemplate(database().dataSource());

    @Test
    void shouldJournalALoggerMessageSentOverUdp() throws Exception {
        String text = "udp check " + UUID.randomUUID();

        logger("--udp", "--port", Integer.toString(syslog.udpPort()), "--rfc5424", "--tag", "vigil-udp", "--priority", "user.err", text);

        Map<String, Object> row = awaitJournalRow(text);
        assertThat(row).containsEntry("transport", "syslog-udp").containsEntry("check_name", "vigil-udp");
        assertThat(((Number) row.get("severity")).intValue()).isEqualTo(3);
        assertThat((String) row.get("source")).startsWith("syslog:127.0.0.1");
        assertThat((String) row.get("raw")).startsWith("<11>1 ").endsWith(text);
    }

    @Test
    void shouldJournalLoggerMessagesSentOverTcpWithBothFramings() throws Exception {
        String octetCounted = "tcp octet-counted " + UUID.randomUUID();
        String lineFramed = "tcp line-framed " + UUID.randomUUID();

        logger("--tcp", "--port", Integer.toString(syslog.tcpPort()), "--octet-count", "--rfc5424", "--tag", "vigil-tcp",
                "--priority", "daemon.warning", octetCounted);
        logger("--tcp", "--port", Integer.toString(syslog.tcpPort()), "--rfc3164", "--tag", "vigil-bsd",
                "--priority", "local0.notice", lineFramed);

        Map<String, Object> counted = awaitJournalRow(octetCounted);
        Map<String, Object> framed = awaitJournalRow(lineFramed);
        assertThat(counted).containsEntry("transport", "syslog-tcp").containsEntry("check_name", "vigil-tcp");
        assertThat(((Number) counted.get("severity")).intValue()).isEqualTo(4);
        assertThat(framed).containsEntry("transport", "syslog-tcp").containsEntry("check_name", "vigil-bsd");
        assertThat(((Number) framed.get("severity")).intValue()).isEqualTo(5);
    }

    @Test
    void shouldDeadLetterGarbageAndKeepListening() throws Exception {
        byte[] garbage = {'n', 'o', 't', ' ', 's', 'y', 's', 'l', 'o', 'g', (byte) 0xC3, (byte) 0x28, '\n'};
        try (DatagramSocket udp = new DatagramSocket()) {
            udp.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), syslog.udpPort()));
        }
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort()); OutputStream out = tcp.getOutputStream()) {
            out.write("<999>bad pri\n".getBytes());
            out.flush();
        }

        List<String> reasons = Eventually.await("two dead letters", ARRIVAL, () -> {
            List<String> stored = db.queryForList("SELECT reason FROM dead_letter ORDER BY id", String.class);
            return stored.size() >= 2 ? Optional.of(stored) : Optional.empty();
        });
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("missing PRI: expected \"<\" at the start"))
                .anySatisfy(r -> assertThat(r).startsWith("invalid PRI \"<999>\""));
        JsonNode listed = api.get("/api/v1/dead-letters", TestServer.ADMIN).json();
        assertThat(listed.get("deadLetters").values().stream().map(d -> d.get("transport").asString()).toList())
                .contains("syslog-udp", "syslog-tcp");
        assertThat(listed.get("recordedSinceStart").asLong()).isGreaterThanOrEqualTo(2);

        String after = "still listening " + UUID.randomUUID();
        logger("--udp", "--port", Integer.toString(syslog.udpPort()), "--rfc5424", "--tag", "vigil-udp", after);
        assertThat(awaitJournalRow(after)).containsEntry("transport", "syslog-udp");
    }

    @Test
    void shouldKeepTheBytesOfALineThatIsNotUtf8ExactlyAsReceived() throws Exception {
        String marker = "latin-1 " + UUID.randomUUID();
        // ISO-8859-1 "café" and a lone continuation byte: not UTF-8. The frame is octet-counted, so its LF is data.
        byte[] line = concat("<13>1 2026-11-27T10:00:00Z legacy app - - - ".getBytes(), marker.getBytes(),
                new byte[] {' ', 'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '\n'});
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort()); OutputStream out = tcp.getOutputStream()) {
            out.write((line.length + " ").getBytes());
            out.write(line);
            out.flush();
        }

        Map<String, Object> row = Eventually.await("the event from the Latin-1 line", ARRIVAL, () ->
                db.queryForList("SELECT id, raw FROM event_journal WHERE message LIKE ?", marker + "%").stream().findFirst());
        assertThat((String) row.get("raw")).as("the text shows what could not be read as U+FFFD")
                .endsWith(marker + " caf\uFFFD \uFFFD");
        JsonNode detail = api.get("/api/v1/events/" + row.get("id"), TestServer.ADMIN).json();
        assertThat(Base64.getDecoder().decode(detail.get("rawBase64").asString())).as("the bytes as received").isEqualTo(line);

        String utf8 = "utf-8 " + UUID.randomUUID() + " café";
        logger("--tcp", "--port", Integer.toString(syslog.tcpPort()), "--rfc5424", "--tag", "vigil-utf8", utf8);
        long utf8Id = ((Number) Eventually.await("the UTF-8 event", ARRIVAL, () -> db.queryForList(
                "SELECT id FROM event_journal WHERE message = ?", utf8).stream().findFirst()).get("id")).longValue();
        assertThat(api.get("/api/v1/events/" + utf8Id, TestServer.ADMIN).json().hasNonNull("rawBase64"))
                .as("no second copy when the text is exact").isFalse();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private Map<String, Object> awaitJournalRow(String message) {
        return Eventually.await("a journal row with message \"" + message + "\"", ARRIVAL, () ->
                db.queryForList("SELECT transport, source, resource, check_name, severity, raw FROM event_journal WHERE message = ?",
                        message).stream().findFirst());
    }

    private static void logger(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("logger", "--server", "127.0.0.1"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("logger finished").isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }
}
