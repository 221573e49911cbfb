package io.vigil.store;

import io.vigil.intake.DeadLetter;
import io.vigil.intake.DeadLetterStore;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.vigil.store.jdbc.Columns.fit;

/**
 * Keeps unparseable input in {@code dead_letter}. {@link #record} is called from Netty I/O
 * threads, so it only counts and queues; one writer thread stores what is queued in batches.
 * Dead letters are diagnostics: when the queue is full (a flood of garbage faster than the
 * database) or a write fails, the letters are counted as dropped and logged, never retried
 * at the cost of the I/O threads.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcDeadLetterStore.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int MAX_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final BlockingQueue<DeadLetter> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public JdbcDeadLetterStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writer = new Thread(this::run, "vigil-dead-letter-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(DeadLetter letter) {
        recorded.incrementAndGet();
        if (!queue.offer(letter)) {
            drop(1, "the dead-letter queue is full");
        }
    }

    @Override
    public long count() {
        return recorded.get();
    }

    /** Dead letters counted but not stored (queue full or write failed). */
    public long dropped() {
        return dropped.get();
    }

    /** The newest dead letters first. */
    public List<DeadLetterRow> latest(int limit) {
        return jdbc.query("SELECT id, received_at, transport, peer, reason, raw FROM dead_letter ORDER BY id DESC LIMIT ?",
                (rs, n) -> new DeadLetterRow(rs.getLong("id"), UtcColumns.instant(rs, "received_at"), rs.getString("transport"),
                        rs.getString("peer"), rs.getString("reason"), rs.getBytes("raw")),
                QueryLimits.require(limit));
    }

    private void run() {
        List<DeadLetter> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                DeadLetter first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                drop(batch.size(), "storing them failed: " + e);
            }
            batch.clear();
        }
    }

    private void store(List<DeadLetter> batch) {
        jdbc.batchUpdate("INSERT INTO dead_letter (received_at, transport, peer, reason, raw) VALUES (?, ?, ?, ?, ?)",
                batch, batch.size(), (ps, letter) -> {
                    ps.setObject(1, UtcColumns.toColumn(letter.receivedAt()));
                    ps.setString(2, fit(letter.transport(), 16));
                    ps.setString(3, fit(letter.peer(), 255));
                    ps.setString(4, fit(letter.reason(), 1024));
                    ps.setBytes(5, letter.raw());
                });
    }

    /** Logs the first drop and then every thousandth, so a flood of garbage does not flood the log too. */
    private void drop(int letters, String why) {
        long total = dropped.addAndGet(letters);
        if (total == letters || total / 1_000 != (total - letters) / 1_000) {
            log.warn("dropped {} dead letters ({} in all): {}", letters, total, why);
        }
    }

    /** Stores what is queued, then stops the writer (waits at most 10 s). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
