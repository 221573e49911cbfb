package io.vigil.notify;

import io.vigil.store.jdbc.NotificationOutbox;
import io.vigil.store.jdbc.NotificationOutbox.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Sends what the engine put in the outbox, on a thread of its own, so a slow mail server never
 * holds the engine. Each look takes the PENDING notifications whose next attempt is due (oldest id
 * first, up to {@link DispatcherSettings#batchSize()}), sends each through the channel of its
 * type, and records the attempt: SENT with the channel's answer, or FAILED with the error and the
 * next attempt backed off (2 s, 4 s, 8 s … up to {@link DispatcherSettings#maxBackoff()}).
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>It never gives up on a notification: a loss is not acceptable, and the attempt log shows
 *       how often one failed. A type with no channel configured fails with "no channel for EMAIL
 *       configured" and is retried, so configuring the channel later delivers it.</li>
 *   <li>Sends are sequential; each channel bounds its attempt with timeouts, so a receiver that
 *       hangs delays the others by at most one timeout per attempt, never for ever.</li>
 *   <li>At least once: after a crash the PENDING rows are simply taken again. A process that died
 *       between a send and recording it sends that notification again; channels pass the
 *       notification's id ({@code X-Vigil-Notification}) so receivers can drop the duplicate.</li>
 *   <li>One dispatcher per database (the outbox refuses a second writer of the same attempt).</li>
 *   <li>When the database is unreachable it logs and looks again at the next poll; nothing is lost
 *       since the rows stay PENDING.</li>
 * </ul>
 * The clock gives "now" for due times and the attempt log (tests move it); waiting between looks
 * uses real time.
 */
public final class NotificationDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** How long {@link #stop()} waits for an attempt in progress before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final NotificationOutbox outbox;
    private final Map<ChannelType, NotificationChannel> channels = new EnumMap<>(ChannelType.class);
    private final DispatcherSettings settings;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final Object lookLock = new Object();
    private Thread thread;
    private volatile boolean stopping;

    public NotificationDispatcher(DataSource dataSource, List<NotificationChannel> channels, DispatcherSettings settings) {
        this(dataSource, channels, settings, Clock.systemUTC());
    }

    /** @param channels at most one per type; a type without one is retried until one is configured */
    public NotificationDispatcher(DataSource dataSource, List<NotificationChannel> channels, DispatcherSettings settings,
                                  Clock clock) {
        this.outbox = new NotificationOutbox(dataSource);
        for (NotificationChannel channel : channels) {
            if (this.channels.put(channel.type(), channel) != null) {
                throw new IllegalArgumentException("two channels for " + channel.type());
            }
        }
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the thread; it looks at once, then every poll interval or when woken. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the notification dispatcher was started already");
        }
        thread = new Thread(this::run, "vigil-notification-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Look now rather than at the next poll (e.g. right after the engine stored new notifications). */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /**
     * Stops after the attempt in progress (interrupting it after 30 s). What is still due stays
     * PENDING for the next start.
     */
    public synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        stopping = true;
        wake();
        thread.join(STOP_WAIT.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void run() {
        while (!stopping) {
            int tried = 0;
            try {
                tried = dispatchDue();
            } catch (RuntimeException e) {
                log.error("looking for notifications to send failed; looking again in {}", settings.pollInterval(), e);
            }
            if (tried < settings.batchSize()) {
                try {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One look: sends every notification due now (up to the batch size) and records each attempt.
     * The thread calls it; tests call it to step without one. Looks never overlap.
     *
     * @return how many notifications it tried
     */
    public int dispatchDue() {
        synchronized (lookLock) {
            List<Due> due = outbox.due(clock.millis(), settings.batchSize());
            for (Due notification : due) {
                if (stopping && Thread.currentThread() == thread) {
                    break;
                }
                attempt(notification);
            }
            return due.size();
        }
    }

    private void attempt(Due due) {
        int attempt = due.attempts() + 1;
        long start = clock.millis();
        long startNanos = System.nanoTime();
        String answer;
        try {
            answer = send(due);
        } catch (DeliveryException e) {
            long durationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            long next = clock.millis() + settings.backoff(attempt).toMillis();
            log.warn("notification {} attempt {} failed: {}", due.id(), attempt, e.getMessage());
            outbox.failed(due.id(), attempt, start, e.getMessage(), durationMillis, next);
            return;
        }
        long durationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        // a failure to record this (database gone) leaves the row PENDING: it is sent again later (at least once)
        outbox.sent(due.id(), attempt, start, answer, durationMillis);
    }

    /** Every failure, a channel's bug included, becomes a DeliveryException: one bad send never stops the loop. */
    private String send(Due due) throws DeliveryException {
        if (due.notification() == null) {
            throw new DeliveryException(due.unreadable());
        }
        NotificationChannel channel = channels.get(due.notification().channelType());
        if (channel == null) {
            throw new DeliveryException("no channel for " + due.notification().channelType() + " configured");
        }
        try {
            return channel.send(due.notification());
        } catch (RuntimeException e) {
            throw new DeliveryException(channel.type() + " channel failed unexpectedly: " + e, e);
        }
    }
}
