package io.vigil.reliability;

import io.vigil.reliability.check.Api;
import io.vigil.reliability.check.StoredState;
import io.vigil.reliability.process.Folders;
import io.vigil.reliability.process.PackagedServer;
import io.vigil.reliability.process.PrivateMariaDb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One scenario's world: a private MariaDB, the packaged server on it (escalating every
 * {@link #ESCALATION_AFTER}), an INTEGRATOR token, and a reader of what the server stored. Its
 * files (server log, mariadbd log, data) stay under the scenario's output folder for inspection.
 */
final class Deployment implements AutoCloseable {

    static final Duration ESCALATION_AFTER = Duration.ofSeconds(5);
    /**
     * A start takes ~20 s on a quiet 2-core machine, but minutes when five builds share it (seen:
     * over 4 minutes at a load average of 15); the first one also migrates an empty schema.
     */
    static final Duration START = Duration.ofMinutes(8);
    private static final String DATABASE = "vigil";

    final PrivateMariaDb db;
    final PackagedServer server;
    final StoredState stored;
    final Api api;
    final String token;
    final Duration firstStart;

    private Deployment(PrivateMariaDb db, PackagedServer server, Duration firstStart) {
        this.db = db;
        this.server = server;
        this.firstStart = firstStart;
        this.stored = new StoredState(db.jdbcUrl(DATABASE));
        this.api = new Api(server);
        this.token = api.integratorToken();
    }

    static Deployment start(RunSize size, String scenario) {
        Path home = size.output().resolve(scenario);
        Folders.deleteTree(home);
        PrivateMariaDb db = PrivateMariaDb.install(size.distribution(), size.binaries(), home.resolve("mariadb"), DATABASE);
        PackagedServer server = new PackagedServer(size.jar(), home, Map.of(
                "VIGIL_DB_URL", db.jdbcUrl(DATABASE),
                "VIGIL_DB_USER", "root",
                "VIGIL_DB_PASSWORD", "",
                "VIGIL_ESCALATION_AFTER", ESCALATION_AFTER.toSeconds() + "s"));
        try {
            return new Deployment(db, server, server.start(START));
        } catch (RuntimeException | Error e) {
            server.close();
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
        }
    }
}
