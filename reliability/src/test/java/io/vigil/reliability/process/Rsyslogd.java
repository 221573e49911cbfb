package io.vigil.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's rsyslogd as a child process of a scenario, with its own configuration, work directory,
 * pid file and log under the scenario's folder (never the system's): an {@code imtcp} input on a
 * free loopback port for the scenario to feed, and everything forwarded by one {@code omrelp} action.
 */
public final class Rsyslogd implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/rsyslogd");
    private static final Path OMRELP = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/omrelp.so");

    private final Path home;
    private final int inputPort = FreePorts.tcp();
    private Process process;

    private Rsyslogd(Path home) {
        this.home = home;
    }

    /** Whether rsyslogd and its RELP output are installed (Debian packages rsyslog and rsyslog-relp). */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isRegularFile(OMRELP);
    }

    /**
     * Starts rsyslogd and waits until its input takes connections.
     *
     * @param omrelp the parameters of the omrelp action, e.g. {@code target="127.0.0.1" port="2514"}
     */
    public static Rsyslogd start(Path home, String omrelp, Duration timeout) {
        Rsyslogd rsyslogd = new Rsyslogd(home);
        rsyslogd.run(omrelp, timeout);
        return rsyslogd;
    }

    public int inputPort() {
        return inputPort;
    }

    public Path log() {
        return home.resolve("rsyslogd.log");
    }

    /** A normal stop (SIGTERM: rsyslogd closes its RELP session), or SIGKILL after 30 s. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private void run(String omrelp, Duration timeout) {
        try {
            Path work = Files.createDirectories(home.resolve("work"));
            Path config = Files.writeString(home.resolve("rsyslog.conf"), String.join("\n",
                    "global(workDirectory=\"" + work + "\")",
                    "module(load=\"imtcp\")",
                    "module(load=\"omrelp\")",
                    "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + inputPort + "\")",
                    "action(type=\"omrelp\" " + omrelp + ")",
                    ""));
            process = new ProcessBuilder(BINARY.toString(), "-n", "-f", config.toString(), "-i", home.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start rsyslogd in " + home, e);
        }
        ChildProcesses.awaitReady(process, "rsyslogd", timeout, this::listening, () -> "its log is " + log());
    }

    private boolean listening() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), inputPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
