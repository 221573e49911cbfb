package io.vigil.web.system;

import io.vigil.intake.syslog.SyslogServer;
import io.vigil.journal.JournalWriter;
import io.vigil.notify.NotificationDispatcher;
import io.vigil.session.Engine;
import io.vigil.store.JdbcDeadLetterStore;
import io.vigil.store.OutcomeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the pipeline before the web server takes requests and stops it after the web server
 * has drained them (a lower phase than the web server's). Start: the engine recovers from stored
 * state first, then syslog opens. Stop, so that a normal stop loses nothing and replays little:
 * close the syslog listener (it waits for its batches to commit), flush the journal, let the
 * engine finish what it was handed, flush the outcomes, then the dead letters; the notification
 * dispatcher stops last (what it has not sent stays in the outbox for the next start).
 */
@Component
public class PipelineLifecycle implements SmartLifecycle {

    /** Below the web server's phases: started before it, stopped after it. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(PipelineLifecycle.class);

    private final JournalWriter journal;
    private final Engine engine;
    private final OutcomeWriter outcomes;
    private final SyslogServer syslog;
    private final JdbcDeadLetterStore deadLetters;
    private final NotificationDispatcher notifications;
    private volatile boolean running;

    PipelineLifecycle(JournalWriter journal, Engine engine, OutcomeWriter outcomes, SyslogServer syslog,
                      JdbcDeadLetterStore deadLetters, NotificationDispatcher notifications) {
        this.journal = journal;
        this.engine = engine;
        this.outcomes = outcomes;
        this.syslog = syslog;
        this.deadLetters = deadLetters;
        this.notifications = notifications;
    }

    @Override
    public void start() {
        engine.start();
        syslog.start();
        notifications.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        syslog.close();
        journal.close();
        engine.close();
        outcomes.close();
        deadLetters.close();
        stopDispatcher();
        log.info("pipeline stopped");
    }

    /** Last: notifications the engine decided while stopping are in the outbox and go out at the next start. */
    private void stopDispatcher() {
        try {
            notifications.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
