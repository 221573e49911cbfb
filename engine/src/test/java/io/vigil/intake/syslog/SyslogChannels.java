package io.vigil.intake.syslog;

import io.netty.channel.embedded.EmbeddedChannel;
import io.vigil.intake.EventIntake;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** Embedded TCP, RELP and UDP pipelines wired to recording test doubles, on a fixed clock. */
final class SyslogChannels {

    static final Instant NOW = Instant.parse("2026-11-21T06:30:41Z");

    final RecordingEventIntake intake = new RecordingEventIntake();
    final RecordingDeadLetterStore deadLetters = new RecordingDeadLetterStore();
    final SyslogCounters counters = new SyslogCounters();

    static SyslogSettings settings(int maxBatchSize, int maxInFlight) {
        return new SyslogSettings("127.0.0.1", 0, 0, SyslogSettings.DEFAULT_MAX_FRAME_LENGTH, maxBatchSize, maxInFlight,
                Duration.ofMillis(50), ZoneOffset.UTC);
    }

    EmbeddedChannel tcp(SyslogSettings settings) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new SyslogFrameDecoder(settings.maxFrameLength()),
                new SyslogTcpHandler(frames("syslog-tcp"), submitter(SyslogBatchSubmitter.Feed.of(channel), intake, settings, null)));
        return channel;
    }

    /** A RELP connection whose batches go to {@code batchesTo} (the recording intake, or one that commits out of order). */
    EmbeddedChannel relp(SyslogSettings settings, EventIntake batchesTo) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new RelpFrameDecoder(settings.maxFrameLength()), new RelpSessionHandler(frames(SyslogServer.RELP),
                submitter(SyslogBatchSubmitter.Feed.of(channel), batchesTo, settings, null)));
        return channel;
    }

    /** The queue of the last {@link #udp} channel. */
    SyslogUdpQueue udpQueue;

    /**
     * A UDP socket's receive handler and its queue, whose intake thread is the channel's event loop.
     * Its time stands still until {@link #elapse}: a burst of writes must not let a retry fall due.
     */
    EmbeddedChannel udp(SyslogSettings settings) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        udpQueue = new SyslogUdpQueue(settings.udpQueueBytes(), channel.eventLoop(), frames("syslog-udp"),
                settings.maxFrameLength(), settings.maxBatchSize(), feed -> submitter(feed, intake, settings, settings.udpRetryFor()));
        channel.pipeline().addLast(new SyslogUdpHandler(udpQueue, settings.maxFrameLength(), Clock.fixed(NOW, ZoneOffset.UTC)));
        return channel;
    }

    /** Lets {@code millis} pass on the channel's event loop and runs what became due. */
    static void elapse(EmbeddedChannel channel, long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    private SyslogFrameProcessor frames(String transport) {
        return new SyslogFrameProcessor(new SyslogMessageParser(ZoneOffset.UTC), deadLetters, counters, transport,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private SyslogBatchSubmitter submitter(SyslogBatchSubmitter.Feed feed, EventIntake batchesTo, SyslogSettings settings,
                                           Duration giveUpAfter) {
        return new SyslogBatchSubmitter(feed, batchesTo, counters, settings.maxBatchSize(), settings.maxInFlightBatches(),
                giveUpAfter);
    }
}
