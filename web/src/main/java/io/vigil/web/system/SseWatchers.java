package io.vigil.web.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The open server-sent-event streams of one live console list, each with what its page needs to know
 * ({@code W}). A stream leaves when it completes, times out, fails or a send to it fails; browsers
 * reconnect by themselves, and the bounded timeout lets dead connections go. Closed (before start and
 * after stop) it takes no stream, and closing ends every open one, so a graceful shutdown does not
 * wait for watchers that never leave.
 */
public final class SseWatchers<W> {

    private static final Logger log = LoggerFactory.getLogger(SseWatchers.class);

    private final String what;
    private final Duration timeout;
    private final Map<SseEmitter, W> watchers = new ConcurrentHashMap<>();
    private volatile boolean open;

    /** @param what names the list in the log, e.g. "alert console" */
    public SseWatchers(String what, Duration timeout) {
        this.what = what;
        this.timeout = timeout;
    }

    /** A new stream for {@code watcher}; already completed while closed. */
    public SseEmitter watch(W watcher) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        if (open) {
            watchers.put(emitter, watcher);
        } else {
            emitter.complete();
        }
        return emitter;
    }

    public boolean isEmpty() {
        return watchers.isEmpty();
    }

    public void forEach(BiConsumer<SseEmitter, W> action) {
        watchers.forEach(action);
    }

    /** Sends the events in order; a stream that fails leaves. Returns whether all were sent. */
    public boolean send(SseEmitter emitter, List<SseEmitter.SseEventBuilder> events) {
        try {
            for (SseEmitter.SseEventBuilder event : events) {
                emitter.send(event);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("a {} watcher went away: {}", what, e.toString());
            watchers.remove(emitter);
            return false;
        }
    }

    public void open() {
        open = true;
    }

    public void close() {
        open = false;
        watchers.keySet().forEach(SseEmitter::complete);
        watchers.clear();
    }

    public boolean isOpen() {
        return open;
    }
}
