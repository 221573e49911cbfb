package io.vigil.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The packaged {@code vigil.jar}, run as a child process the way an operator runs it: settings
 * only through environment variables, its own HTTP and syslog TCP ports on loopback (UDP off),
 * the database given by VIGIL_DB_URL. It can be started again on the same settings after a kill -9.
 */
public final class PackagedServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "fault-injection-secret-7";

    private final Path jar;
    private final Path home;
    private final Map<String, String> settings;
    private final int httpPort = FreePorts.tcp();
    private final int syslogTcpPort = FreePorts.tcp();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /**
     * @param home     its working directory (and where its log goes)
     * @param settings environment variables on top of the ports and the admin password, e.g.
     *                 VIGIL_DB_URL and VIGIL_ESCALATION_AFTER
     */
    public PackagedServer(Path jar, Path home, Map<String, String> settings) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged server at " + jar
                    + ": build it first (mvn -DskipTests package) or run the whole reactor");
        }
        this.jar = jar;
        this.home = home;
        this.settings = Map.copyOf(settings);
    }

    /** Starts the jar and waits until its health endpoint says UP. */
    public Duration start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server (pid " + process.pid() + ") is already running");
        }
        Instant started = Instant.now();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-jar", jar.toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VIGIL_") || name.equals("PORT"));
        env.put("PORT", Integer.toString(httpPort));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("VIGIL_SYSLOG_BINDADDRESS", "127.0.0.1");
        env.put("VIGIL_SYSLOG_UDPPORT", "-1");
        env.put("VIGIL_SYSLOG_TCPPORT", Integer.toString(syslogTcpPort));
        env.put("VIGIL_SYSLOG_TLSPORT", "-1");
        env.put("VIGIL_SYSLOG_RELPPORT", "-1");
        env.put("VIGIL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(settings);
        try {
            Files.createDirectories(home);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        ChildProcesses.awaitReady(process, "the server", timeout, this::healthy, () -> "its log:\n" + tail());
        return Duration.between(started, Instant.now());
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    public void kill9() {
        ChildProcesses.kill9(process);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    public int syslogTcpPort() {
        return syslogTcpPort;
    }

    /** The RELP port a scenario turned on with VIGIL_SYSLOG_RELPPORT in its settings, or -1 (off). */
    public int relpPort() {
        return Integer.parseInt(settings.getOrDefault("VIGIL_SYSLOG_RELPPORT", "-1"));
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return home.resolve("server.log");
    }

    /** The last lines of its log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log() + ": " + e + ")";
        }
    }

    /** A normal stop (SIGTERM), or SIGKILL when it takes longer than 90 s. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(90));
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }
}
