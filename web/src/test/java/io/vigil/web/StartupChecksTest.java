package io.vigil.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChecksTest {

    @TempDir
    Path home;

    @Test
    void shouldPassWhenThePortsAreFreeAndNoVigilUsesTheDataDirectory() {
        assertThat(StartupChecks.problem(settings(0).withProperty("vigil.db.url", "")
                .withProperty("vigil.db.embedded-dir", home.resolve("mariadb").toString())))
                .isEmpty();
    }

    @Test
    void shouldNameTheHttpPortInUseAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            assertThat(StartupChecks.problem(settings(taken.getLocalPort()))).hasValue("the HTTP port " + taken.getLocalPort()
                    + " is in use by another program; stop it or set PORT to another port");
        }
    }

    @Test
    void shouldNameASyslogPortInUse() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0));
             ServerSocket tcp = new ServerSocket(0)) {
            MockEnvironment udp = settings(0).withProperty("vigil.syslog.udp-port", Integer.toString(taken.getLocalPort()));
            MockEnvironment tcpTaken = settings(0).withProperty("vigil.syslog.tcp-port", Integer.toString(tcp.getLocalPort()));

            assertThat(StartupChecks.problem(udp)).hasValue("the syslog UDP port " + taken.getLocalPort() + " is in use by another"
                    + " program; stop it or set VIGIL_SYSLOG_UDPPORT to another port (-1 turns the listener off)");
            assertThat(StartupChecks.problem(tcpTaken)).hasValue("the syslog TCP port " + tcp.getLocalPort() + " is in use by another"
                    + " program; stop it or set VIGIL_SYSLOG_TCPPORT to another port (-1 turns the listener off)");
        }
    }

    /** A configured database (no embedded one), syslog off, and this HTTP port (0: any). */
    private static MockEnvironment settings(int httpPort) {
        return new MockEnvironment().withProperty("vigil.db.url", "jdbc:mariadb://127.0.0.1:3306/x")
                .withProperty("server.port", Integer.toString(httpPort))
                .withProperty("vigil.syslog.udp-port", "-1").withProperty("vigil.syslog.tcp-port", "-1");
    }
}
