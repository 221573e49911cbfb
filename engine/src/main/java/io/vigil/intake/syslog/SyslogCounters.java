package io.vigil.intake.syslog;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** What the syslog server has seen since start, for metrics and tests. */
public final class SyslogCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();

    private final AtomicLong refusedClients = new AtomicLong();

    /** The sum of several transports' counters, as they are now. */
    static SyslogCounters sum(Collection<SyslogCounters> parts) {
        SyslogCounters sum = new SyslogCounters();
        for (SyslogCounters part : parts) {
            sum.received.addAndGet(part.received());
            sum.accepted.addAndGet(part.accepted());
            sum.deadLettered.addAndGet(part.deadLettered());
            sum.oversized.addAndGet(part.oversized());
            sum.connectionsClosed.addAndGet(part.connectionsClosed());
            sum.rejected.addAndGet(part.rejected());
            sum.pending.addAndGet(part.pending());
            sum.queued.addAndGet(part.queued());
            sum.refusedClients.addAndGet(part.refusedClients());
        }
        return sum;
    }

    /** Messages received (datagrams, TCP frames), good or bad. */
    public long received() {
        return received.get();
    }

    /** Events committed to the journal. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages that could not be parsed or framed, stored as dead letters. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Messages longer than the maximum frame length (dead-lettered with their first bytes; also in {@link #deadLettered()}). */
    public long oversized() {
        return oversized.get();
    }

    /** TCP connections closed because an octet count exceeded the maximum frame length (the stream cannot be framed after it). */
    public long connectionsClosed() {
        return connectionsClosed.get();
    }

    /**
     * UDP messages dropped because the intake kept refusing them or the receive queue was full
     * (TCP never drops: it stops reading).
     */
    public long rejected() {
        return rejected.get();
    }

    /** Parsed events not yet committed nor rejected. */
    public long pending() {
        return pending.get();
    }

    /**
     * UDP datagrams received and not yet parsed, in the receive queue or being parsed (a datagram is
     * counted here until it is in {@link #pending()} or {@link #deadLettered()}).
     */
    public long queued() {
        return queued.get();
    }

    /** TLS clients refused: failed handshake (no or an untrusted certificate, old protocol) or not on the allow-list. */
    public long refusedClients() {
        return refusedClients.get();
    }

    void refusedClient() {
        refusedClients.incrementAndGet();
    }

    void received(int messages) {
        received.addAndGet(messages);
    }

    /** A datagram taken into the receive queue: received, and queued until it is parsed. */
    void enqueued() {
        received.incrementAndGet();
        queued.incrementAndGet();
    }

    /** A queued datagram taken out to be parsed. */
    void dequeued() {
        queued.decrementAndGet();
    }

    /** A datagram received while the receive queue was full: dropped, counted as rejected. */
    void overflowed() {
        received.incrementAndGet();
        rejected.incrementAndGet();
    }

    void deadLettered(int messages) {
        deadLettered.addAndGet(messages);
    }

    void oversized(int messages) {
        oversized.addAndGet(messages);
    }

    void connectionClosed() {
        connectionsClosed.incrementAndGet();
    }

    /** A parsed event handed to the batch submitter: pending from here until it is committed or rejected. */
    void parsed() {
        pending.incrementAndGet();
    }

    void accepted(int events) {
        accepted.addAndGet(events);
        pending.addAndGet(-events);
    }

    void rejected(int events) {
        rejected.addAndGet(events);
        pending.addAndGet(-events);
    }
}
