package io.vigil.session.replay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps replay's standard output pure JSON lines: while replay runs, log lines (Drools and jBPM
 * log at INFO while they build the knowledge base) go to the error stream, warnings and worse
 * only. Restores the logging it found when closed. Does nothing when the logging backend is not
 * Logback.
 */
final class ReplayLogging implements AutoCloseable {

    private final Logger root;
    private final Level previousLevel;
    private final List<Appender<ILoggingEvent>> previousAppenders = new ArrayList<>();
    private final OutputStreamAppender<ILoggingEvent> diverted;

    private ReplayLogging(LoggerContext context, PrintStream err) {
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(previousAppenders::add);
        previousAppenders.forEach(root::detachAppender);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n%ex{short}");
        encoder.start();
        diverted = new OutputStreamAppender<>();
        diverted.setContext(context);
        diverted.setEncoder(encoder);
        diverted.setOutputStream(new FilterOutputStream(err) {
            @Override
            public void close() throws IOException {
                // The appender closes its stream when stopped; the caller's stream stays open.
                flush();
            }
        });
        diverted.setImmediateFlush(true);
        diverted.start();
        root.addAppender(diverted);
        root.setLevel(Level.WARN);
    }

    /** Diverts logging to {@code err}; null when logging is not Logback (nothing to divert). */
    static ReplayLogging divertTo(PrintStream err) {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? new ReplayLogging(context, err) : null;
    }

    @Override
    public void close() {
        root.detachAppender(diverted);
        diverted.stop();
        previousAppenders.forEach(root::addAppender);
        root.setLevel(previousLevel);
    }
}
