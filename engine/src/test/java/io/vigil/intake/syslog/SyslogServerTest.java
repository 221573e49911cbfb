package io.vigil.intake.syslog;

import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

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
    void shouldRefuseAnInvalidPortByName() {
        assertThatThrownBy(() -> new SyslogSettings("0.0.0.0", 70_000, 5514))
                .hasMessage("syslog udp port must be -1 (off), 0 (any free) or 1-65535, got 70000");
    }
}
