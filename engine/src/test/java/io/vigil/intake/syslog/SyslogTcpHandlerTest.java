package io.vigil.intake.syslog;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vigil.intake.DeadLetter;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import io.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigil.intake.syslog.SyslogChannels.NOW;
import static io.vigil.intake.syslog.SyslogChannels.elapse;
import static io.vigil.intake.syslog.SyslogChannels.settings;
import static org.assertj.core.api.Assertions.assertThat;

class SyslogTcpHandlerTest {

    private final SyslogChannels channels = new SyslogChannels();
    private final RecordingEventIntake intake = channels.intake;
    private final RecordingDeadLetterStore deadLetters = channels.deadLetters;
    private final SyslogCounters counters = channels.counters;

    @Test
    void shouldSubmitTheFramesOfAReadBurstAsOneBatch() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));

        write(connection, line("one") + line("two") + "30 <13>Nov 21 06:30:40 h a: three");

        assertThat(intake.submissions()).hasSize(1);
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("one", "two", "three");
        assertThat(intake.committed().get(0)).isEqualTo(new EventDraft(NOW, Instant.parse("2026-11-21T06:30:40Z"),
                "syslog-tcp", "syslog:embedded", "web01", "app", null, Severity.NOTICE, "one",
                Map.of("facility", "user"), "<13>Nov 21 06:30:40 web01 app: one"));
        assertThat(counters.received()).isEqualTo(3);
        assertThat(counters.accepted()).isEqualTo(3);
        assertThat(counters.pending()).isZero();
    }

    @Test
    void shouldCountAFrameAsPendingFromTheMomentItIsParsedNotOnlyOnceItsBatchIsSubmitted() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));

        // A read without its read-complete yet: the frames are parsed and collected, not submitted.
        connection.pipeline().fireChannelRead(Unpooled.copiedBuffer(line("one") + line("two"), StandardCharsets.ISO_8859_1));
        assertThat(intake.submissions()).isEmpty();
        assertThat(counters.pending()).as("a drain waiting for pending() to reach 0 must see them").isEqualTo(2);

        connection.pipeline().fireChannelReadComplete();
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("one", "two");
        assertThat(counters.pending()).isZero();
        assertThat(counters.accepted()).isEqualTo(2);
    }

    @Test
    void shouldSplitALongBurstIntoBatchesOfTheMaximumSize() {
        EmbeddedChannel connection = channels.tcp(settings(2, 8));

        write(connection, line("1") + line("2") + line("3") + line("4") + line("5"));

        assertThat(intake.submissions()).extracting(List::size).containsExactly(2, 2, 1);
    }

    @Test
    void shouldDeadLetterGarbageAndKeepTheConnectionGoing() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));

        write(connection, "\u0016\u0003 garbage\n" + line("still here"));

        DeadLetter letter = deadLetters.letters().get(0);
        assertThat(letter.reason()).isEqualTo("missing PRI: expected \"<\" at the start, got \"\\x16\\x03 garbage\"");
        assertThat(letter.transport()).isEqualTo("syslog-tcp");
        assertThat(letter.peer()).isEqualTo("embedded");
        assertThat(letter.receivedAt()).isEqualTo(NOW);
        assertThat(new String(letter.raw(), StandardCharsets.UTF_8)).isEqualTo("\u0016\u0003 garbage");
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("still here");
        assertThat(connection.isOpen()).isTrue();
        assertThat(counters.deadLettered()).isEqualTo(1);
        assertThat(counters.received()).isEqualTo(2);
    }

    @Test
    void shouldStopReadingAndRetryARefusedBatchUntilItGoesThrough() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));
        intake.refuseNext(2);

        write(connection, line("wait for me"));
        assertThat(connection.config().isAutoRead()).isFalse();
        assertThat(intake.committed()).isEmpty();

        elapse(connection, 10);
        assertThat(intake.committed()).isEmpty();
        elapse(connection, 20);

        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("wait for me");
        assertThat(connection.config().isAutoRead()).isTrue();
        assertThat(counters.rejected()).isZero();
    }

    @Test
    void shouldRetryABatchWhoseCommitFailed() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));
        intake.failNext(1);

        write(connection, line("journal hiccup"));
        assertThat(connection.config().isAutoRead()).isFalse();
        elapse(connection, 10);

        assertThat(intake.submissions()).hasSize(2);
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("journal hiccup");
        assertThat(counters.accepted()).isEqualTo(1);
        assertThat(connection.config().isAutoRead()).isTrue();
    }

    @Test
    void shouldPauseReadingWhileTooManyBatchesAreUncommitted() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 2));
        intake.holdCommits();

        write(connection, line("a"));
        assertThat(connection.config().isAutoRead()).isTrue();
        write(connection, line("b"));
        assertThat(connection.config().isAutoRead()).isFalse();
        write(connection, line("c"));
        assertThat(intake.submissions()).hasSize(2);

        intake.releaseCommits();
        connection.runPendingTasks();

        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("a", "b", "c");
        assertThat(connection.config().isAutoRead()).isTrue();
    }

    @Test
    void shouldDeadLetterABogusOctetCountCommitWhatCameBeforeAndCloseTheConnection() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));

        write(connection, line("before") + "999999999 <13>1 - web01 app - - - lost\n" + line("after"));

        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("before");
        DeadLetter letter = deadLetters.letters().get(0);
        assertThat(letter.reason()).isEqualTo("octet count 999999999 exceeds the maximum frame length of 66560 bytes;"
                + " connection closed, as the stream cannot be framed after a count that may be wrong");
        assertThat(new String(letter.raw(), StandardCharsets.UTF_8)).startsWith("999999999 <13>1 - web01 app - - - lost\n<13>");
        assertThat(connection.isOpen()).isFalse();
        assertThat(counters.oversized()).isEqualTo(1);
        assertThat(counters.connectionsClosed()).isEqualTo(1);
        assertThat(counters.deadLettered()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnOverlongLineCountItAndReadTheNextOne() {
        EmbeddedChannel connection = channels.tcp(settings(1_000, 8));

        write(connection, "<13>" + "x".repeat(SyslogSettings.DEFAULT_MAX_FRAME_LENGTH) + "\n" + line("next"));

        assertThat(deadLetters.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("line longer than 66560 bytes without a line feed; skipped to the next one");
            assertThat(letter.raw()).hasSize(1024);
        });
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("next");
        assertThat(connection.isOpen()).isTrue();
        assertThat(counters.oversized()).isEqualTo(1);
        assertThat(counters.connectionsClosed()).isZero();
    }

    private static String line(String message) {
        return "<13>Nov 21 06:30:40 web01 app: " + message + "\n";
    }

    private static void write(EmbeddedChannel connection, String data) {
        connection.writeInbound(Unpooled.copiedBuffer(data, StandardCharsets.ISO_8859_1));
    }
}
