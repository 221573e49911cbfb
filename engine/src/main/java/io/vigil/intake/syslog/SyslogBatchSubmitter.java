package io.vigil.intake.syslog;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.vigil.intake.EventIntake;
import io.vigil.intake.IntakeRejectedException;
import io.vigil.model.EventDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Collects one feed's drafts into batches (one per read burst, at most {@code maxBatchSize}),
 * hands them to the {@link EventIntake} in order, and holds reading back while the intake cannot
 * keep up: reading pauses (for a channel, autoRead off) while a batch waits for a retry or
 * {@code maxInFlight} batches are uncommitted, and resumes when that clears. For TCP that is real
 * back pressure: the socket buffers fill and the sender slows down. UDP's feed is its receive
 * queue ({@link SyslogUdpQueue}): a pause leaves datagrams in the queue.
 *
 * <p>A refused batch ({@link IntakeRejectedException}) or one whose commit failed is retried
 * after a short, growing delay. With {@code giveUpAfter} null (TCP) it is retried until it goes
 * through, never dropped. UDP cannot push back on its sender, so there a batch is retried only
 * for {@code giveUpAfter} and then counted as rejected and logged.
 *
 * <p>Not thread-safe: every method runs on the feed's event loop.
 */
final class SyslogBatchSubmitter {

    /** Where the drafts come from, and how reading it is paused. */
    interface Feed {

        /** The thread every method of the submitter runs on; retries and commit callbacks are run there. */
        EventExecutor eventLoop();

        /** Called after every hand-over: false pauses reading, true resumes it. */
        void setReading(boolean reading);

        /** Who sent the drafts, for log lines. */
        String origin();

        /** A Netty channel: reading is its autoRead. */
        static Feed of(Channel channel) {
            return new Feed() {
                @Override
                public EventExecutor eventLoop() {
                    return channel.eventLoop();
                }

                @Override
                public void setReading(boolean reading) {
                    channel.config().setAutoRead(reading);
                }

                @Override
                public String origin() {
                    return String.valueOf(channel.remoteAddress());
                }
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SyslogBatchSubmitter.class);
    private static final RateLimitedLog setbacks = new RateLimitedLog(log, Duration.ofSeconds(10));
    private static final long FIRST_RETRY_MILLIS = 10;
    private static final long MAX_RETRY_MILLIS = 1_000;

    private final Feed feed;
    private final EventIntake intake;
    private final SyslogCounters counters;
    private final int maxBatchSize;
    private final int maxInFlight;
    private final Duration giveUpAfter;
    private final Deque<Batch> waiting = new ArrayDeque<>();
    private List<EventDraft> collecting = new ArrayList<>();
    /** Parallel to {@code collecting}: what to run once each event is committed (null entries for none). */
    private List<Runnable> collectingCallbacks = new ArrayList<>();
    private int inFlight;
    private boolean retryScheduled;
    private long retryDelayMillis = FIRST_RETRY_MILLIS;

    SyslogBatchSubmitter(Feed feed, EventIntake intake, SyslogCounters counters, int maxBatchSize,
                         int maxInFlight, Duration giveUpAfter) {
        this.feed = feed;
        this.intake = intake;
        this.counters = counters;
        this.maxBatchSize = maxBatchSize;
        this.maxInFlight = maxInFlight;
        this.giveUpAfter = giveUpAfter;
    }

    void add(EventDraft draft) {
        add(draft, null);
    }

    /**
     * @param onCommitted run on the feed's event loop once the draft is committed in the journal
     *                    (RELP acknowledges then); never run for a draft that is dropped
     */
    void add(EventDraft draft, Runnable onCommitted) {
        // Pending as soon as it is collected, not at the flush: a reader of the counters never sees an
        // event that is in no counter (a drain waiting for pending() + queued() to reach 0 relies on it).
        counters.parsed();
        collecting.add(draft);
        collectingCallbacks.add(onCommitted);
        if (collecting.size() >= maxBatchSize) {
            flush();
        }
    }

    /** Submits what was collected; called at the end of each read burst. */
    void flush() {
        if (collecting.isEmpty()) {
            return;
        }
        waiting.add(new Batch(collecting, collectingCallbacks));
        collecting = new ArrayList<>();
        collectingCallbacks = new ArrayList<>();
        drain();
    }

    private void drain() {
        while (!retryScheduled && inFlight < maxInFlight && !waiting.isEmpty()) {
            Batch batch = waiting.peek();
            try {
                intake.submit(batch.drafts).whenComplete((ids, failure) -> onEventLoop(() -> committed(batch, failure)));
                waiting.poll();
                inFlight++;
                retryDelayMillis = FIRST_RETRY_MILLIS;
            } catch (IntakeRejectedException e) {
                setbacks.warn("syslog intake refused " + batch.drafts.size() + " events from " + origin()
                        + ", retrying: " + e.getMessage());
                retryOrGiveUp(batch);
            } catch (RuntimeException e) {
                log.error("syslog intake failed on {} events from {}, retrying", batch.drafts.size(),
                        origin(), e);
                retryOrGiveUp(batch);
            }
        }
        feed.setReading(waiting.isEmpty() && inFlight < maxInFlight);
    }

    private void committed(Batch batch, Throwable failure) {
        inFlight--;
        if (failure == null) {
            counters.accepted(batch.drafts.size());
            for (Runnable callback : batch.onCommitted) {
                if (callback != null) {
                    callback.run();
                }
            }
        } else {
            // The journal logs the cause itself; an outage would otherwise log here once per batch.
            setbacks.warn("journal commit of " + batch.drafts.size() + " syslog events from " + origin()
                    + " failed, retrying: " + failure);
            waiting.addFirst(batch);
            retryOrGiveUp(batch);
        }
        drain();
    }

    private void retryOrGiveUp(Batch batch) {
        if (giveUpAfter != null && batch.waitedMillis >= giveUpAfter.toMillis()) {
            waiting.remove(batch);
            counters.rejected(batch.drafts.size());
            setbacks.warn("dropped " + batch.drafts.size() + " syslog events from " + origin()
                    + ": the intake refused them for " + batch.waitedMillis + " ms");
            return;
        }
        long delay = retryDelayMillis;
        retryDelayMillis = Math.min(retryDelayMillis * 2, MAX_RETRY_MILLIS);
        batch.waitedMillis += delay;
        if (!retryScheduled) {
            retryScheduled = true;
            feed.eventLoop().schedule(() -> {
                retryScheduled = false;
                drain();
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private String origin() {
        return feed.origin();
    }

    private void onEventLoop(Runnable task) {
        try {
            feed.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("syslog server stopped before a journal commit was acknowledged");
        }
    }

    private static final class Batch {
        final List<EventDraft> drafts;
        final List<Runnable> onCommitted;
        long waitedMillis;

        Batch(List<EventDraft> drafts, List<Runnable> onCommitted) {
            this.drafts = drafts;
            this.onCommitted = onCommitted;
        }
    }
}
