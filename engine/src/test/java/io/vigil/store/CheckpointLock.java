package io.vigil.store;

import io.vigil.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds a row lock on the engine_checkpoint row from a connection of its own, so the outcome
 * writer's transaction stops at its checkpoint upsert (after writing everything else) until the
 * lock is released. Lets a test look at, or kill, a transaction in flight without timing guesses.
 */
final class CheckpointLock implements AutoCloseable {

    private final TestDatabase db;
    private final Connection holder;

    private CheckpointLock(TestDatabase db) throws SQLException {
        this.db = db;
        this.holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT id FROM engine_checkpoint WHERE id = 1 FOR UPDATE").close();
        }
    }

    /** The checkpoint row must exist already (a first batch was committed). */
    static CheckpointLock hold(TestDatabase db) throws SQLException {
        return new CheckpointLock(db);
    }

    /** Waits until a connection other than {@code exceptId} waits on the lock; returns its id. */
    long awaitBlockedWriter(long exceptId) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        try (Connection watcher = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement query = watcher.prepareStatement("SELECT id FROM information_schema.PROCESSLIST"
                     + " WHERE db = ? AND info LIKE 'INSERT INTO engine_checkpoint%' AND id <> ?")) {
            query.setString(1, db.name());
            query.setLong(2, exceptId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the outcome writer never reached the checkpoint upsert");
    }

    /** Kills a connection, failing the transaction running on it. */
    void kill(long connectionId) throws SQLException {
        try (Statement statement = holder.createStatement()) {
            statement.execute("KILL CONNECTION " + connectionId);
        }
    }

    @Override
    public void close() throws SQLException {
        holder.rollback();
        holder.close();
    }
}
