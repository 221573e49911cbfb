package io.vigil.web.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * The journal writer's own connections, kept in manual-commit mode: each group commit is then its
 * insert and its {@code COMMIT}, without the {@code set autocommit} before and after that a
 * connection of the main pool costs (two round trips every single-event request waits for). The
 * pool never hands out a connection with a transaction left open: one returned uncommitted is
 * rolled back.
 *
 * <p>Deliberately not a {@code DataSource} bean: everything else keeps using the main pool, whose
 * connections auto-commit.
 */
@Component
final class JournalPool implements AutoCloseable {

    /** One writer thread appends; the second connection stands by while the first is replaced. */
    private static final int SIZE = 2;

    private final HikariDataSource pool;

    JournalPool(DatabaseServer server) {
        HikariConfig config = DatabaseConfig.poolConfig("vigil-journal", server, SIZE);
        config.setAutoCommit(false);
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
