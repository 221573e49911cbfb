package io.vigil.web.token;

import io.vigil.store.access.ApiTokenRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps api_token.last_used_at off the request path: a request only notes the time in memory, and
 * a thread of its own writes the latest use of each token once a minute (last_used_at is a hint
 * for admins, not an access log). While the database is slow only that thread waits; a write that
 * fails is tried again at the next round.
 */
@Component
class TokenUses implements AutoCloseable {

    /** Stores one token's latest use (unless the stored time is as new already). */
    @FunctionalInterface
    interface Writer {
        void write(long tokenId, Instant usedAt);
    }

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(TokenUses.class);

    private final Writer writer;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-token-uses");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    TokenUses(ApiTokenRepository tokens) {
        this((id, at) -> tokens.markUsed(id, at, at));
        thread.scheduleWithFixedDelay(this::flush, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    TokenUses(Writer writer) {
        this.writer = writer;
    }

    void record(long tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was noted since the last round. */
    void flush() {
        for (Long id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at == null) {
                continue;
            }
            try {
                writer.write(id, at);
            } catch (RuntimeException e) {
                record(id, at);
                log.debug("cannot record the use of token {} yet: {}", id, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        flush();
    }
}
