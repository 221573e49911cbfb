package io.vigil.web.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A small pool of its own for the lookups that must answer within about two seconds whatever the
 * database does: credential checks on the request path and the health endpoint. The main pool
 * waits for the database the way the pipeline needs it to; these lookups instead fail fast, so a
 * database that is down (nothing listens) or frozen (it accepts and never answers) costs a caller
 * at most {@link #CONNECTION_TIMEOUT} to get a connection plus {@link #SOCKET_TIMEOUT} per read.
 *
 * <p>Deliberately not a {@code DataSource} bean: everything else keeps using the main pool.
 */
@Component
public final class BoundedDatabase implements AutoCloseable {

    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1000);
    /** MariaDB Connector/J also bounds the connection handshake with it (a silent server). */
    static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(500);
    private static final int SIZE = 4;

    private final HikariDataSource pool;

    @Autowired
    BoundedDatabase(DatabaseServer server) {
        this(server.url(), server.user(), server.password());
    }

    /** A pool on {@code url}; it connects lazily, so a database that is down does not stop the start. */
    public BoundedDatabase(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vigil-bounded");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toMillis()));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        this.pool = new HikariDataSource(config);
    }

    /** A connection within {@link #CONNECTION_TIMEOUT}, or an SQLException saying why not. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
