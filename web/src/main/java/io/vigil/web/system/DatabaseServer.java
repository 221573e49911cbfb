package io.vigil.web.system;

import io.vigil.store.embedded.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database is: the configured server, or an embedded MariaDB started here when none is
 * configured (a newcomer's first {@code java -jar}). The embedded server is a bean the DataSource
 * depends on, so it starts before the pool and stops only after the pool (and everything using
 * it) has closed.
 */
public final class DatabaseServer implements AutoCloseable {

    /** The database the embedded server holds Vigil's tables in. */
    static final String EMBEDDED_DATABASE = "vigil";

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedMariaDb embedded;

    private DatabaseServer(String url, String user, String password, EmbeddedMariaDb embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static DatabaseServer of(VigilProperties.Db db) {
        if (!db.embedded()) {
            return new DatabaseServer(db.url(), db.user(), db.password(), null);
        }
        log.info("no VIGIL_DB_URL set: starting the embedded mariadb under {}", db.embeddedDir().toAbsolutePath());
        EmbeddedMariaDb server = EmbeddedMariaDb.start(db.embeddedDir(), 0, EMBEDDED_DATABASE);
        return new DatabaseServer(server.jdbcUrl(), server.user(), server.password(), server);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
