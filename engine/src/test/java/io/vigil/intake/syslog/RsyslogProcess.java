package io.vigil.intake.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real rsyslog (Debian's {@code rsyslogd}) as a child process for intake tests: its own
 * configuration, work directory and pid file in a test directory (never the system's), a plain TCP
 * input on loopback to feed it lines, and whatever forwarding actions the test configures.
 */
final class RsyslogProcess implements AutoCloseable {

    static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    static final Path MODULES = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog");

    private final Path dir;
    private final int feedPort;
    private final Process process;

    private RsyslogProcess(Path dir, int feedPort, Process process) {
        this.dir = dir;
        this.feedPort = feedPort;
        this.process = process;
    }

    /** Whether rsyslogd and the named modules (e.g. "lmnsd_gtls.so") are installed. */
    static boolean installed(String... modules) {
        if (!Files.isExecutable(RSYSLOGD)) {
            return false;
        }
        for (String module : modules) {
            if (!Files.exists(MODULES.resolve(module))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts rsyslogd with {@code globals} (inside {@code global(...)}, next to the work directory)
     * and {@code actions} (what it does with every line fed), and waits until it accepts lines.
     */
    static RsyslogProcess start(Path dir, String globals, String actions) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("work"));
        int feedPort = freePort();
        String config = """
                global(workDirectory="%s" %s)
                module(load="imtcp")
                input(type="imtcp" address="127.0.0.1" port="%d")
                %s
                """.formatted(dir.resolve("work"), globals, feedPort, actions);
        Path configFile = Files.writeString(dir.resolve("rsyslog.conf"), config);
        Process process = new ProcessBuilder(List.of(RSYSLOGD.toString(), "-n", "-f", configFile.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.log").toFile())
                .start();
        RsyslogProcess rsyslog = new RsyslogProcess(dir, feedPort, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!rsyslog.listening()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                rsyslog.close();
                throw new IllegalStateException("rsyslogd did not start; its output:\n" + rsyslog.output()
                        + "\nits configuration:\n" + config);
            }
            Thread.sleep(50);
        }
        return rsyslog;
    }

    /** Feeds lines (LF-terminated) to rsyslog's TCP input, as a local application would. */
    void feed(List<String> lines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", feedPort)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    String output() {
        try {
            return Files.readString(dir.resolve("rsyslogd.log"));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", feedPort), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
