package io.vigil.intake.syslog;

import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The hand-over between UDP's receive threads and its intake thread. A receive thread only copies
 * each datagram in here and reads the socket again at once, so that a burst waits in this queue,
 * where every datagram is counted, rather than in the kernel's receive buffer, which drops what no
 * longer fits. One intake thread takes the datagrams out, parses them and hands them to the
 * journal in batches ({@link SyslogBatchSubmitter}); while the intake pushes back, it stops taking
 * and the queue fills.
 *
 * <p>The queue is bounded by memory: each datagram costs its bytes plus {@link #ENTRY_COST}. A
 * datagram that does not fit is dropped and counted as rejected (UDP cannot push back on its
 * sender), and the drops are logged, rate-limited.
 *
 * <p>{@link #offer} runs on any receive thread; everything else on the intake thread.
 */
final class SyslogUdpQueue implements SyslogBatchSubmitter.Feed {

    /** Roughly what a queued datagram costs besides its bytes: the entry, the array's header, the queue's node. */
    static final int ENTRY_COST = 96;

    private static final Logger log = LoggerFactory.getLogger(SyslogUdpQueue.class);
    private static final RateLimitedLog overflows = new RateLimitedLog(log, Duration.ofSeconds(10));

    private record Datagram(byte[] bytes, boolean oversized, InetSocketAddress sender, Instant receivedAt) {

        long cost() {
            return bytes.length + ENTRY_COST;
        }
    }

    private final Queue<Datagram> datagrams = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** True while a drain is due on the intake thread, or while reading is paused (the resume drains). */
    private final AtomicBoolean drainDue = new AtomicBoolean();
    private final long capacityBytes;
    private final EventExecutor intakeThread;
    private final SyslogFrameProcessor frames;
    private final SyslogCounters counters;
    private final int maxFrameLength;
    private final int datagramsPerDrain;
    private final SyslogBatchSubmitter submitter;
    private final String overflowWarning;
    private boolean reading = true;

    /**
     * @param capacityBytes     the most memory the queued datagrams may take
     * @param intakeThread      where datagrams are parsed and batches handed over
     * @param datagramsPerDrain the most datagrams taken in one go, which become one batch (the intake's
     *                          batch size): the intake thread runs commit callbacks between drains
     * @param submitterFor      the batches' submitter, given this queue as its feed
     */
    SyslogUdpQueue(long capacityBytes, EventExecutor intakeThread, SyslogFrameProcessor frames, int maxFrameLength,
                   int datagramsPerDrain, Function<SyslogBatchSubmitter.Feed, SyslogBatchSubmitter> submitterFor) {
        // A datagram is never longer than the receive buffer, whatever the longest frame over TCP may be.
        long largestEntry = SyslogUdpHandler.receiveBufferSize(maxFrameLength) + ENTRY_COST;
        if (capacityBytes < largestEntry) {
            throw new IllegalArgumentException("the syslog UDP queue must hold at least one datagram of the longest kind ("
                    + largestEntry + " bytes), got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.intakeThread = intakeThread;
        this.frames = frames;
        this.counters = frames.counters();
        this.maxFrameLength = maxFrameLength;
        this.datagramsPerDrain = datagramsPerDrain;
        this.submitter = submitterFor.apply(this);
        this.overflowWarning = "syslog UDP receive queue full (" + capacityBytes / (1024 * 1024)
                + " MiB, VIGIL_SYSLOG_UDPQUEUE): datagrams dropped and counted as rejected while the journal catches up";
    }

    /**
     * Queues one datagram as received (any receive thread).
     *
     * @param bytes     the datagram, or only its head when {@code oversized}
     * @param oversized the datagram was longer than the longest frame: it becomes a dead letter
     */
    void offer(byte[] bytes, boolean oversized, InetSocketAddress sender, Instant receivedAt) {
        Datagram datagram = new Datagram(bytes, oversized, sender, receivedAt);
        long cost = datagram.cost();
        if (queuedBytes.addAndGet(cost) > capacityBytes) {
            queuedBytes.addAndGet(-cost);
            counters.overflowed();
            overflows.warn(overflowWarning);
            return;
        }
        counters.enqueued();
        datagrams.add(datagram);
        if (!drainDue.get() && drainDue.compareAndSet(false, true)) {
            scheduleDrain();
        }
    }

    /** The memory the queued datagrams take now, as counted against the capacity. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Whether the intake thread is taking datagrams out (false while the intake pushes back). */
    boolean reading() {
        return reading;
    }

    @Override
    public EventExecutor eventLoop() {
        return intakeThread;
    }

    @Override
    public void setReading(boolean reading) {
        if (reading == this.reading) {
            return;
        }
        this.reading = reading;
        if (reading) {
            drainDue.set(true);
            scheduleDrain();
        }
    }

    @Override
    public String origin() {
        return "UDP senders";
    }

    private void scheduleDrain() {
        try {
            intakeThread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The server is stopping; what is still queued is counted in queued() and given up with it.
            drainDue.set(false);
        }
    }

    /** Takes up to one batch of datagrams out, parses them and hands the batch over; then comes back if more wait. */
    private void drain() {
        if (!reading) {
            return; // drainDue stays set, so receive threads stop scheduling: the resume drains
        }
        // Cleared before taking: a datagram queued from here on schedules the next drain itself.
        drainDue.set(false);
        int taken = 0;
        Datagram datagram;
        while (reading && taken < datagramsPerDrain && (datagram = datagrams.poll()) != null) {
            queuedBytes.addAndGet(-datagram.cost());
            process(datagram);
            // Only once it is pending or dead-lettered: queued() + pending() never misses a datagram
            // being parsed (for that moment it is in both).
            counters.dequeued();
            taken++;
        }
        submitter.flush();
        if (reading && !datagrams.isEmpty() && drainDue.compareAndSet(false, true)) {
            // As a new task, so that commit callbacks waiting on this thread run in between.
            scheduleDrain();
        }
    }

    private void process(Datagram datagram) {
        String peer = PeerAddress.of(datagram.sender());
        SyslogFrame frame = datagram.oversized()
                ? SyslogFrame.oversized("datagram longer than " + maxFrameLength + " bytes", datagram.bytes(), false)
                : SyslogFrame.message(withoutOctetCount(datagram.bytes()));
        frames.processReceived(frame, peer, null, datagram.receivedAt(), submitter, null);
    }

    /** {@code logger --udp --octet-count} frames datagrams too: drop a "LEN SP" before the PRI. */
    static byte[] withoutOctetCount(byte[] datagram) {
        int i = 0;
        while (i < datagram.length && i < 10 && datagram[i] >= '0' && datagram[i] <= '9') {
            i++;
        }
        boolean counted = i > 0 && i + 1 < datagram.length && datagram[i] == ' ' && datagram[i + 1] == '<';
        return counted ? Arrays.copyOfRange(datagram, i + 1, datagram.length) : datagram;
    }
}
