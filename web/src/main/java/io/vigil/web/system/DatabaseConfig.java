package io.vigil.web.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection pool, on the configured or the embedded server (see {@link DatabaseServer}). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    static final long POOL_WAIT_MILLIS = 5_000;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(VigilProperties properties) {
        return DatabaseServer.of(properties.db());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        return new HikariDataSource(poolConfig("vigil", server, 16));
    }

    /** A pool of {@code size} connections on the server, with the bounded waits every pool here has. */
    static HikariConfig poolConfig(String name, DatabaseServer server, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(size);
        // Bounded waits, so a database that is down or frozen turns into a clear answer (503, Retry-After)
        // within seconds instead of holding requests and the pipeline's writers for ever: a connection
        // from the pool within 5 s, a new connection within 5 s, an answer to a statement within 30 s
        // (no single statement here runs that long: large reads and writes go in chunks).
        config.setConnectionTimeout(POOL_WAIT_MILLIS);
        config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_MILLIS);
        config.addDataSourceProperty("socketTimeout", SOCKET_TIMEOUT_MILLIS);
        return config;
    }
}
