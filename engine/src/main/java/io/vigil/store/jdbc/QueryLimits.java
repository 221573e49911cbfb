package io.vigil.store.jdbc;

/** The one rule for page sizes of every read query: big enough for exports, small enough to keep memory bounded. */
public final class QueryLimits {

    public static final int MAX = 10_000;

    private QueryLimits() {
    }

    public static int require(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit " + limit + " is out of range 1.." + MAX);
        }
        return limit;
    }
}
