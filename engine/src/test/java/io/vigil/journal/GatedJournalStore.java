package io.vigil.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the real store: counts appends and can hold the first one until {@link #open()}, so a
 * test can queue submissions behind a running transaction without relying on timing.
 */
final class GatedJournalStore implements JournalStore {

    private final JournalStore store;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch firstAppendStarted = new CountDownLatch(1);
    private final AtomicInteger appends = new AtomicInteger();

    GatedJournalStore(JournalStore store) {
        this.store = store;
    }

    void open() {
        gate.countDown();
    }

    void awaitFirstAppend() throws InterruptedException {
        if (!firstAppendStarted.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the journal writer never started an append");
        }
    }

    int appends() {
        return appends.get();
    }

    @Override
    public long lastId() {
        return store.lastId();
    }

    @Override
    public void append(List<JournalEntry> entries, List<KeyedRequest> keyedRequests) {
        appends.incrementAndGet();
        firstAppendStarted.countDown();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        store.append(entries, keyedRequests);
    }

    @Override
    public long count(long firstId, long lastId) {
        return store.count(firstId, lastId);
    }

    @Override
    public List<JournalEntry> read(long afterId, long upToId, int limit) {
        return store.read(afterId, upToId, limit);
    }

    @Override
    public List<JournalEntry> read(List<Long> ids) {
        return store.read(ids);
    }

    @Override
    public Optional<KeyedRequest> findKeyedRequest(String idempotencyKey) {
        return store.findKeyedRequest(idempotencyKey);
    }

    @Override
    public int forgetKeyedRequests(Instant before, int limit) {
        return store.forgetKeyedRequests(before, limit);
    }
}
