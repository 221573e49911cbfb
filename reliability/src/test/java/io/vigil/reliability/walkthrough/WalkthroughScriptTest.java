package io.vigil.reliability.walkthrough;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough script ({@code reliability/walkthrough.sh}) on small READMEs: which commands it
 * runs, how it reads expected answers, what it says when one differs or a call fails, and that
 * it stops the server it started — with {@link StandInServer} packaged as {@code vigil.jar}.
 */
class WalkthroughScriptTest {

    private record Run(int exit, String output) {
    }

    @TempDir
    Path temporary;

    private Path repo;

    @BeforeEach
    void makeRepository() throws IOException {
        repo = Files.createDirectory(temporary.resolve("repo"));
    }

    @Test
    void shouldRunEveryCommandOfTheSectionInOneShellAndMatchTheExpectedAnswers() throws Exception {
        Run run = walkthrough("passing.md", Map.of(), Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("walkthrough: 8 steps from \"## A five-minute walkthrough\"")
                .contains("── step 2 · README line 13\n    echo \"$GREETING world\"\n  →\n    hello world")
                .contains("── step 5 · README line 27\n    echo \"a\" \\\n         \"b\"      # prints a b\n  →\n    a b")
                .contains("    count=3")
                .contains("walkthrough: all 8 steps passed")
                .doesNotContain("the top of the README");
    }

    @Test
    void shouldStopAtTheFirstDifferentAnswerWithADiff() throws Exception {
        Run run = walkthrough("mismatch.md", Map.of(), Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("walkthrough: FAILED at step 1 (README line 4):\n    echo '{\"accepted\":1,\"ids\":[7]}'\n"
                        + "  its output differs from the expected answer (… matches any text):\n")
                .contains("\n-{\"accepted\":1,\"ids\":[1]}\n+{\"accepted\":1,\"ids\":[7]}")
                .doesNotContain("── step 2");
    }

    @Test
    void shouldStopAtACommandThatFailsAndShowItsStderr() throws Exception {
        Run run = walkthrough("failing-command.md", Map.of(), Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("walkthrough: FAILED at step 1 (README line 4):\n    ls no-such-file\n"
                        + "  it exited with status 2\n  its stderr:\n    ls: cannot access 'no-such-file': No such file or directory")
                .doesNotContain("after the failure\n  →");
    }

    @Test
    void shouldRefuseAWalkthroughWhoseBlockEndsInsideACommand() throws Exception {
        Run run = walkthrough("incomplete.md", Map.of(), Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("walkthrough: README line 5: the command is not complete at the end of its block");
    }

    @Test
    void shouldRefuseAReadmeWithoutTheWalkthroughSection() throws Exception {
        Run run = walkthrough("no-walkthrough.md", Map.of(), Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("walkthrough: no ```bash commands found under \"## A five-minute walkthrough\"");
    }

    @Test
    void shouldStartTheServerInTheBackgroundWaitForItAndStopItAtTheEnd() throws Exception {
        int port = freePort();

        Run run = withStandIn("server-ok.md", port, Map.of());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("    started in the background (pid ")
                .contains("waiting for http://localhost:" + port + "\n    answering after ")
                .contains("  →\n    hello from the stand-in\n")
                .contains("walkthrough: all 3 steps passed\nwalkthrough: stopping the server (pid ");
        assertThat(standInAlive()).as("the stand-in server runs on after the walkthrough").isFalse();
    }

    @Test
    void shouldFailAStepWhoseCurlGetsAnErrorStatusAndStillStopTheServer() throws Exception {
        int port = freePort();

        Run run = withStandIn("server-401.md", port, Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("walkthrough: FAILED at step 2 (README line 9):\n"
                        + "    TOKEN=$(curl -s -X POST http://localhost:" + port + "/api/v1/tokens \\\n")
                .contains("  curl got HTTP 401 from POST http://localhost:" + port + "/api/v1/tokens:\n"
                        + "    {\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"authentication failed: Bad credentials\"}")
                .contains("walkthrough: stopping the server (pid ")
                .doesNotContain("── step 3");
        assertThat(standInAlive()).as("the stand-in server runs on after the failed walkthrough").isFalse();
    }

    @Test
    void shouldNotStartTheServerOnAPortSomethingElseHolds() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Run run = withStandIn("server-ok.md", port, Map.of("WALKTHROUGH_ISOLATE", "0"));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.output()).contains("  port " + port + " is already taken by another process: the walkthrough's fixed ports must be free");
        }
        assertThat(pidFile()).as("the stand-in server was started").doesNotExist();
    }

    @Test
    void shouldAskForTheJarWhenTheWalkthroughStartsTheServer() throws Exception {
        Run run = walkthrough("server-ok.md", Map.of("{{PORT}}", "1", "{{PIDFILE}}", "/dev/null"), Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("web/target/vigil.jar is missing: build it first (mvn -DskipTests package)");
    }

    /** Makes {@link #repo} a git repository holding the fixture as README.md, and runs the script on it. */
    private Run walkthrough(String fixture, Map<String, String> placeholders, Map<String, String> env) throws Exception {
        String readme;
        try (InputStream in = getClass().getResourceAsStream("/walkthrough/" + fixture)) {
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            readme = readme.replace(placeholder.getKey(), placeholder.getValue());
        }
        Files.writeString(repo.resolve("README.md"), readme);
        exec(repo, "git", "init", "-q");
        exec(repo, "git", "add", "README.md");

        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("walkthrough.script"), "--repo", repo.toString())
                .redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("WALKTHROUGH_START_TIMEOUT", "60");
        builder.environment().putAll(environment);
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
        return new Run(script.exitValue(), output);
    }

    /** The walkthrough of a fixture whose server line starts {@link StandInServer} on {@code port}. */
    private Run withStandIn(String fixture, int port, Map<String, String> env) throws Exception {
        packStandInServer();
        return walkthrough(fixture, Map.of("{{PORT}}", Integer.toString(port), "{{PIDFILE}}", pidFile().toString()), env);
    }

    /** Where the stand-in server writes its pid: beside the repository, which the script copies. */
    private Path pidFile() {
        return temporary.resolve("stand-in.pid");
    }

    /** {@link StandInServer} as web/target/vigil.jar of the repository. */
    private void packStandInServer() throws IOException {
        Path jar = repo.resolve("web/target/vigil.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInServer.class.getName());
        String entry = StandInServer.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = StandInServer.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    private boolean standInAlive() throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile()).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void exec(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
