package io.vigil.intake.syslog;

import io.vigil.intake.DeadLetter;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogServerTest {

    private final RecordingEventIntake intake = new RecordingEventIntake();
    private final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();

    @Test
    void shouldPickFreePortsAndLeaveADisabledListenerOff() {
        try (SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, 0), intake, deadLetters)) {
            server.start();

            assertThat(server.udpPort()).isEqualTo(-1);
            assertThat(server.tcpPort()).isPositive();
        }
    }

    @Test
    void shouldReportNoPortsOnceClosed() {
        SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", 0, 0), intake, deadLetters);
        server.start();
        assertThat(server.udpPort()).isPositive();

        server.close();

        assertThat(server.udpPort()).isEqualTo(-1);
        assertThat(server.tcpPort()).isEqualTo(-1);
    }

    @Test
    void shouldNameTheAddressWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", -1, taken.getLocalPort()), intake,
                     deadLetters)) {

            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot bind syslog TCP to 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void shouldDeadLetterADatagramLongerThanTheMaximumFrameAndTakeTheNext() throws Exception {
        SyslogSettings narrow = new SyslogSettings("127.0.0.1", 0, -1).withMaxFrameLength(1024);
        try (SyslogServer server = new SyslogServer(narrow, intake, deadLetters);
             DatagramSocket sender = new DatagramSocket()) {
            server.start();
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.udpPort());

            sender.send(new DatagramPacket(("<14>" + "x".repeat(2_000)).getBytes(StandardCharsets.US_ASCII), 2_004, to));
            sender.send(new DatagramPacket("<14>fits".getBytes(StandardCharsets.US_ASCII), 8, to));

            List<DeadLetter> letters = deadLetters.await(1, Duration.ofSeconds(10));
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("datagram longer than 1024 bytes");
                assertThat(letter.raw()).hasSize(1024);
            });
            assertThat(intake.awaitCommitted(1, Duration.ofSeconds(10))).extracting(EventDraft::message).containsExactly("fits");
            assertThat(server.counters().oversized()).isEqualTo(1);
        }
    }

    @Test
    void shouldStartWithTheSmallestUdpQueueBesideTheLongestFrameAsNoDatagramIsThatLong() throws Exception {
        SyslogSettings settings = new SyslogSettings("127.0.0.1", 0, -1)
                .withMaxFrameLength(2 * 1024 * 1024).withUdpQueue(SyslogSettings.MIN_UDP_QUEUE_BYTES);
        try (SyslogServer server = new SyslogServer(settings, intake, deadLetters);
             DatagramSocket sender = new DatagramSocket()) {
            server.start();

            sender.send(new DatagramPacket("<14>small queue".getBytes(StandardCharsets.US_ASCII), 15,
                    new InetSocketAddress("127.0.0.1", server.udpPort())));

            assertThat(intake.awaitCommitted(1, Duration.ofSeconds(10))).extracting(EventDraft::message)
                    .containsExactly("small queue");
        }
    }

    @Test
    void shouldAskTheKernelForTheConfiguredUdpReceiveBuffer() throws Exception {
        // Linux grants at most twice what is asked, and asking the default 32 MiB gets at least the
        // kernel's net.core.rmem_max (208 KiB on a stock kernel, doubled): the two cannot meet.
        int small = SyslogSettings.MIN_UDP_RECEIVE_BUFFER_BYTES;
        try (SyslogServer asked = new SyslogServer(new SyslogSettings("127.0.0.1", 0, -1).withUdpReceiveBuffer(small),
                intake, deadLetters);
             SyslogServer byDefault = new SyslogServer(new SyslogSettings("127.0.0.1", 0, -1), intake, deadLetters)) {
            asked.start();
            byDefault.start();

            assertThat(asked.udpReceiveBufferBytes()).isBetween(small, 2 * small);
            assertThat(byDefault.udpReceiveBufferBytes()).isGreaterThan(2 * small);
        }
        assertThatThrownBy(() -> new SyslogSettings("127.0.0.1", 0, -1).withUdpReceiveBuffer(4096))
                .hasMessage("syslog UDP receive buffer must be 64KB to 1GB, got 4096 bytes");
    }

    @Test
    void shouldRefuseAFrameLimitOutsideWhatAnEventMayHold() {
        assertThatThrownBy(() -> new SyslogSettings("0.0.0.0", 5514, 5514).withMaxFrameLength(479))
                .hasMessage("syslog max frame length must be 480 (RFC 5424) to 2097152 bytes, got 479");
        assertThatThrownBy(() -> new SyslogSettings("0.0.0.0", 5514, 5514).withMaxFrameLength(2 * 1024 * 1024 + 1))
                .hasMessage("syslog max frame length must be 480 (RFC 5424) to 2097152 bytes, got 2097153");
    }

    @Test
    void shouldRefuseAnInvalidPortByName() {
        assertThatThrownBy(() -> new SyslogSettings("0.0.0.0", 70_000, 5514))
                .hasMessage("syslog udp port must be -1 (off), 0 (any free) or 1-65535, got 70000");
    }
}
