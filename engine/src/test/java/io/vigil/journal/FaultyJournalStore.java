package io.vigil.journal;

import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps the real store and breaks it the ways a database connection breaks: the connection lost
 * after the COMMIT reached the server (stored, but the writer hears a failure), before it did (not
 * stored), the database unreachable for a while, or one batch refused every time.
 */
final class FaultyJournalStore implements JournalStore {

    private final JournalStore store;
    private final AtomicInteger appends = new AtomicInteger();
    private volatile int lostAfterCommit;
    private volatile int lostBeforeCommit;
    private volatile boolean down;
    private volatile Predicate<List<JournalEntry>> alwaysRefused = entries -> false;

    FaultyJournalStore(JournalStore store) {
        this.store = store;
    }

    /** The next {@code times} appends are stored, then fail as if the connection broke during COMMIT. */
    void loseConnectionAfterCommit(int times) {
        lostAfterCommit = times;
    }

    /** The next {@code times} appends fail without storing anything. */
    void loseConnectionBeforeCommit(int times) {
        lostBeforeCommit = times;
    }

    /** Every call fails (the database is unreachable) until {@link #up()}. */
    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** Appends whose entries match fail without storing anything, however often they are tried. */
    void refuse(Predicate<List<JournalEntry>> batches) {
        alwaysRefused = batches;
    }

    int appends() {
        return appends.get();
    }

    @Override
    public long lastId() {
        reachable();
        return store.lastId();
    }

    @Override
    public void append(List<JournalEntry> entries, List<KeyedRequest> keyedRequests) {
        appends.incrementAndGet();
        reachable();
        if (alwaysRefused.test(entries)) {
            throw new DataAccessResourceFailureException("Communications link failure: packet for query is too large");
        }
        if (lostBeforeCommit > 0) {
            lostBeforeCommit--;
            throw new DataAccessResourceFailureException("Connection reset before COMMIT");
        }
        store.append(entries, keyedRequests);
        if (lostAfterCommit > 0) {
            lostAfterCommit--;
            throw new DataAccessResourceFailureException("Connection reset during COMMIT");
        }
    }

    @Override
    public long count(long firstId, long lastId) {
        reachable();
        return store.count(firstId, lastId);
    }

    @Override
    public List<JournalEntry> read(long afterId, long upToId, int limit) {
        reachable();
        return store.read(afterId, upToId, limit);
    }

    @Override
    public List<JournalEntry> read(List<Long> ids) {
        reachable();
        return store.read(ids);
    }

    @Override
    public Optional<KeyedRequest> findKeyedRequest(String idempotencyKey) {
        reachable();
        return store.findKeyedRequest(idempotencyKey);
    }

    @Override
    public int forgetKeyedRequests(Instant before, int limit) {
        reachable();
        return store.forgetKeyedRequests(before, limit);
    }

    private void reachable() {
        if (down) {
            throw new DataAccessResourceFailureException("Could not connect to address=(host=127.0.0.1)(port=3306)");
        }
    }
}
