package io.vigil.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verified users or tokens, kept briefly so that most requests need no database: an entry younger
 * than {@code fresh} answers at once; an older one is read again, and when that read finds the
 * database unreachable an entry younger than {@code staleLimit} still answers (a known credential
 * keeps working through a short outage). Only what exists is cached, so callers cannot fill it
 * with made-up names; it is bounded anyway.
 *
 * <p>Evicting is immediate and also wins over a read that was in flight when it happened: each
 * eviction starts a new generation, and a read from an older generation is returned but not kept.
 */
final class CredentialCache<K, V> {

    /** Reads one credential; empty when there is none. */
    @FunctionalInterface
    interface Loader<K, V> {
        Optional<V> load(K key);
    }

    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final Duration fresh;
    private final Duration staleLimit;
    private final Clock clock;
    private final BoundedLruMap<K, Entry<V>> entries;
    private long generation;

    CredentialCache(Duration fresh, Duration staleLimit, int capacity, Clock clock) {
        if (staleLimit.compareTo(fresh) < 0) {
            throw new IllegalArgumentException("the stale limit " + staleLimit + " is shorter than the fresh time " + fresh);
        }
        this.fresh = fresh;
        this.staleLimit = staleLimit;
        this.clock = clock;
        this.entries = new BoundedLruMap<>(capacity);
    }

    /**
     * The credential for {@code key}, from the cache or from {@code loader}.
     *
     * @throws CredentialStoreUnavailableException when the loader cannot reach the database and no
     *                                             entry younger than the stale limit can answer
     */
    Optional<V> get(K key, Loader<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> cached;
        long readGeneration;
        synchronized (this) {
            cached = entries.get(key);
            readGeneration = generation;
        }
        if (cached != null && age(cached, now).compareTo(fresh) < 0) {
            return Optional.of(cached.value());
        }
        Optional<V> loaded;
        try {
            loaded = loader.load(key);
        } catch (CredentialStoreUnavailableException e) {
            if (cached != null && age(cached, now).compareTo(staleLimit) < 0) {
                return Optional.of(cached.value());
            }
            throw e;
        }
        synchronized (this) {
            if (generation == readGeneration) {
                if (loaded.isPresent()) {
                    entries.put(key, new Entry<>(loaded.get(), now));
                } else {
                    entries.remove(key);
                }
            }
        }
        return loaded;
    }

    /** Forgets {@code key}, and makes reads already under way not keep what they read. */
    synchronized void evict(K key) {
        entries.remove(key);
        generation++;
    }

    private static Duration age(Entry<?> entry, Instant now) {
        return Duration.between(entry.loadedAt(), now);
    }
}
