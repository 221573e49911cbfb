package io.vigil.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A fresh database with the whole Vigil schema (the vigil-schema module's Flyway migrations), on
 * real MariaDB: the server on 127.0.0.1:3306 when it answers, else an embedded one started once
 * per JVM. Named {@code vigil_<prefix>_<random>} so parallel builds never share one.
 *
 * <pre>
 * try (TestDatabase db = TestDatabase.create("journal")) {
 *     JdbcJournalStore store = new JdbcJournalStore(db.dataSource());
 *     ...
 * }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final TestDatabaseServer server;
    private final String name;
    private final HikariDataSource dataSource;

    private TestDatabase(TestDatabaseServer server, String name) {
        this.server = server;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + name);
        this.dataSource = new HikariDataSource(config);
    }

    /** Creates the database and applies every migration. */
    public static TestDatabase create(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("test database prefix \"" + prefix
                    + "\" must be lowercase letters, digits or underscores, starting with a letter");
        }
        TestDatabaseServer server = TestDatabaseServer.get();
        String name = "vigil_" + prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute(server, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        TestDatabase db = new TestDatabase(server, name);
        Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration").load().migrate();
        return db;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.serverUrl() + name;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A small connection pool on this database, closed by {@link #drop()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool and drops the database. */
    public void drop() {
        dataSource.close();
        execute(server, "DROP DATABASE IF EXISTS `" + name + "`");
    }

    @Override
    public void close() {
        drop();
    }

    private static void execute(TestDatabaseServer server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run \"" + sql + "\" on " + server.serverUrl() + ": " + e.getMessage(), e);
        }
    }
}
