package io.vigil.intake.syslog;

import io.vigil.intake.DeadLetter;
import io.vigil.intake.DeadLetterStore;
import io.vigil.model.EventDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/** Turns frames of one transport into events for a channel's batches; what cannot be parsed goes to the dead letters. */
final class SyslogFrameProcessor {

    private static final Logger log = LoggerFactory.getLogger(SyslogFrameProcessor.class);

    private final SyslogMessageParser parser;
    private final DeadLetterStore deadLetters;
    private final SyslogCounters counters;
    private final String transport;
    private final Clock clock;

    SyslogFrameProcessor(SyslogMessageParser parser, DeadLetterStore deadLetters, SyslogCounters counters,
                         String transport, Clock clock) {
        this.parser = parser;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.transport = transport;
        this.clock = clock;
    }

    SyslogCounters counters() {
        return counters;
    }

    /** Adds the frame's event to {@code batches}, or records the frame as a dead letter. */
    void process(SyslogFrame frame, String peer, SyslogBatchSubmitter batches) {
        process(frame, peer, null, batches, null);
    }

    /**
     * Adds the frame's event to {@code batches}, or records the frame as a dead letter.
     *
     * @param source      the event's source, or null for {@code "syslog:" + peer}; a TLS client's
     *                    certificate names it
     * @param onCommitted run once the event is committed in the journal (not for a dead letter)
     * @return true when the frame became an event (false: it is a dead letter)
     */
    boolean process(SyslogFrame frame, String peer, String source, SyslogBatchSubmitter batches, Runnable onCommitted) {
        counters.received(1);
        return processReceived(frame, peer, source, clock.instant(), batches, onCommitted);
    }

    /**
     * As {@link #process(SyslogFrame, String, String, SyslogBatchSubmitter, Runnable)} for a frame
     * already counted as received, at {@code receivedAt} (UDP counts datagrams as they are queued).
     */
    boolean processReceived(SyslogFrame frame, String peer, String source, Instant receivedAt,
                            SyslogBatchSubmitter batches, Runnable onCommitted) {
        if (frame.isMalformed()) {
            if (frame.oversized()) {
                counters.oversized(1);
            }
            if (frame.closesConnection()) {
                counters.connectionClosed();
            }
            deadLetter(receivedAt, peer, frame.malformedReason(), frame.bytes());
            return false;
        }
        EventDraft draft;
        try {
            draft = parser.parse(frame.bytes(), transport, peer, source, receivedAt);
        } catch (SyslogParseException e) {
            deadLetter(receivedAt, peer, e.getMessage(), frame.bytes());
            return false;
        }
        batches.add(draft, onCommitted);
        return true;
    }

    private void deadLetter(Instant receivedAt, String peer, String reason, byte[] raw) {
        counters.deadLettered(1);
        log.debug("dead letter from {} over {}: {}", peer, transport, reason);
        try {
            deadLetters.record(new DeadLetter(receivedAt, transport, peer, reason, raw));
        } catch (RuntimeException e) {
            // The store must not throw for bad input; if it fails anyway, the I/O thread carries on.
            log.error("could not record a dead letter from {} ({})", peer, reason, e);
        }
    }
}
