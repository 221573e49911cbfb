package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A burst of 100,000 datagrams, sent as fast as one thread can: every datagram is accounted for,
 * either received (and accepted or dead-lettered) or counted as dropped, by the kernel (its
 * receive buffer was full) or by the server (its receive queue was full, or the intake refused it
 * too long).
 */
class SyslogUdpBurstIT {

    private static final int DATAGRAMS = 100_000;

    @Test
    void shouldAccountForEveryDatagramOfABurst() throws Exception {
        assumeTrue(UdpKernelDrops.supported(), "needs Linux's /proc/net/udp to count the kernel's drops");
        RecordingEventIntake intake = new RecordingEventIntake();
        try (SyslogServer server = new SyslogServer(new SyslogSettings("127.0.0.1", 0, -1), intake,
                new RecordingDeadLetterStore())) {
            server.start();
            long started = System.nanoTime();
            try (DatagramSocket socket = new DatagramSocket()) {
                InetAddress loopback = InetAddress.getLoopbackAddress();
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] line = ("<13>1 2026-11-27T10:00:00Z burst app - - - datagram " + i).getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(line, line.length, loopback, server.udpPort()));
                }
            }
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            SyslogCounters udp = server.countersByTransport().get(SyslogServer.UDP);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (udp.received() + server.udpKernelDrops() < DATAGRAMS && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            while (udp.queued() + udp.pending() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            long kernelDrops = server.udpKernelDrops();
            System.out.printf("UDP burst: %d sent in %.2f s (%.0f/s), %d received (%d accepted, %d rejected), %d dropped by "
                            + "the kernel (%.1f %% kept)%n", DATAGRAMS, sendSeconds, DATAGRAMS / sendSeconds, udp.received(),
                    udp.accepted(), udp.rejected(), kernelDrops, 100.0 * udp.received() / DATAGRAMS);
            assertThat(udp.received() + kernelDrops).as("received + dropped by the kernel = sent").isEqualTo(DATAGRAMS);
            assertThat(udp.accepted() + udp.rejected() + udp.deadLettered()).as("every received one accounted for")
                    .isEqualTo(udp.received());
            assertThat((long) intake.committed().size()).isEqualTo(udp.accepted());
        }
    }
}
