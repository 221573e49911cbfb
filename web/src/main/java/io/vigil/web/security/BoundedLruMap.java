package io.vigil.web.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, dropping the least recently used one when a
 * new key would pass the bound. Its keys can come from callers (user names, client addresses), so
 * a caller sending new keys for ever makes it forget old ones rather than grow. Not thread-safe:
 * its owners synchronise.
 */
final class BoundedLruMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    BoundedLruMap(int capacity) {
        super(16, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
