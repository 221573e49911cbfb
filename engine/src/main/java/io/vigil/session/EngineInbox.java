package io.vigil.session;

import io.vigil.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue between the journal and the engine thread.
 *
 * <p>Capacity is reserved <em>before</em> events are journaled ({@link #tryReserve}), so a
 * committed event always has a place and is never dropped; when no capacity is left the intake
 * pushes back instead. The engine thread is the only consumer ({@link #drain}).
 */
public final class EngineInbox {

    /** A command waiting for the engine thread, with the future its caller waits on. */
    public record PendingCommand(EngineCommand command, CompletableFuture<CommandResult> result) {
    }

    /** Journal ids that were handed out but are certainly not stored (their transaction failed). */
    public record AbsentIds(long firstId, long lastId) {
    }

    private final int capacity;
    private final Semaphore free;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** The part of a chunk the last {@link #drain} had no room for (engine thread only); its room is still held. */
    private List<?> rest;

    public EngineInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("engine queue capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** Events queued or reserved and not yet taken by the engine. */
    public int backlog() {
        return capacity - free.availablePermits();
    }

    /** Reserves room for {@code events} events; false (and nothing reserved) when there is none. */
    public boolean tryReserve(int events) {
        return events <= capacity && free.tryAcquire(events);
    }

    /** Gives back room reserved for events that were not journaled after all. */
    public void release(int events) {
        free.release(events);
    }

    /** Hands committed events (whose room was reserved) to the engine. */
    public void deliver(List<Event> events) {
        if (!events.isEmpty()) {
            queue.add(List.copyOf(events));
        }
    }

    /**
     * Tells the engine, in id order with the events, that these ids will never come: so it knows
     * that every journal id up to the events after them is accounted for.
     */
    public void absent(long firstId, long lastId) {
        queue.add(new AbsentIds(firstId, lastId));
    }

    /** Queues a command; the future completes once the engine has executed it and its effects are committed. */
    public CompletableFuture<CommandResult> submit(EngineCommand command) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        queue.add(new PendingCommand(command, result));
        return result;
    }

    /** As {@link #drain(int, long, long)} without lingering: takes only what is queued once input came. */
    public List<Object> drain(int maxEvents, long timeoutMillis) throws InterruptedException {
        return drain(maxEvents, timeoutMillis, 0);
    }

    /**
     * Engine thread only: waits up to {@code timeoutMillis} for input, then takes what is queued, and
     * for up to {@code lingerNanos} after the first item what arrives meanwhile, until {@code maxEvents}.
     * Returns a list of {@code List<Event>} chunks, {@link PendingCommand}s and {@link AbsentIds} in arrival order,
     * at most {@code maxEvents} events; releases the room of the events it takes. A chunk (one
     * journal commit, up to thousands of events) that does not fit is cut: the rest comes first in
     * the next call, so a turn stays near {@code maxEvents} however large the commits are.
     *
     * <p>Lingering trades a few milliseconds of the engine's latency for fewer, larger turns when
     * the feed arrives in small commits (single-event requests): each turn costs a fire, a published
     * batch and its stored transaction, whatever its size. It never holds back a full turn.
     */
    public List<Object> drain(int maxEvents, long timeoutMillis, long lingerNanos) throws InterruptedException {
        List<Object> taken = new ArrayList<>();
        Object next = rest != null ? rest : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        rest = null;
        long lingerUntil = System.nanoTime() + lingerNanos;
        int events = 0;
        while (next != null) {
            if (next instanceof List<?> chunk && events + chunk.size() > maxEvents) {
                int room = maxEvents - events;
                taken.add(chunk.subList(0, room));
                events += room;
                rest = chunk.subList(room, chunk.size());
                break;
            }
            events += add(taken, next);
            if (events >= maxEvents) {
                break;
            }
            next = queue.poll();
            if (next == null && lingerNanos > 0) {
                long left = lingerUntil - System.nanoTime();
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            }
        }
        free.release(events);
        return taken;
    }

    private static int add(List<Object> taken, Object item) {
        taken.add(item);
        return item instanceof List<?> chunk ? chunk.size() : 0;
    }
}
