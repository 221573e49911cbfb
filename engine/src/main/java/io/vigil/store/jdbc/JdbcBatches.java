package io.vigil.store.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Runs one statement over many rows as JDBC batches small enough for the server. The MariaDB
 * driver sends a batched INSERT as one bulk command (the fast path, see STACK.md), and a command
 * larger than the server's {@code max_allowed_packet} (16 MiB by default on 10.11) makes the
 * server drop the connection — a writer that retried the same batch would then stall for ever.
 * So rows go in chunks of at most {@link #CHUNK_BYTES} estimated bytes (a single larger row goes
 * alone); the chunks run in the caller's transaction, so all-or-nothing is unchanged.
 */
public final class JdbcBatches {

    /** A quarter of the default max_allowed_packet: room for the protocol and for estimates that are low. */
    public static final long CHUNK_BYTES = 4L << 20;
    /** What a row costs on the wire besides its variable-length text: ids, times, short codes. */
    public static final long ROW_OVERHEAD = 128;

    private JdbcBatches() {
    }

    /**
     * @param estimatedBytes the row's variable-length text in characters (counted ×4: utf8mb4's worst case)
     */
    public static <T> void insert(JdbcTemplate jdbc, String sql, List<T> rows, ToLongFunction<T> estimatedBytes,
                                  ParameterizedPreparedStatementSetter<T> setter) {
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            long row = ROW_OVERHEAD + 4 * estimatedBytes.applyAsLong(rows.get(i));
            if (i > from && bytes + row > CHUNK_BYTES) {
                run(jdbc, sql, rows.subList(from, i), setter);
                from = i;
                bytes = 0;
            }
            bytes += row;
        }
        run(jdbc, sql, rows.subList(from, rows.size()), setter);
    }

    /** Characters of a possibly null text. */
    public static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private static <T> void run(JdbcTemplate jdbc, String sql, List<T> chunk, ParameterizedPreparedStatementSetter<T> setter) {
        if (!chunk.isEmpty()) {
            jdbc.batchUpdate(sql, chunk, chunk.size(), setter);
        }
    }
}
