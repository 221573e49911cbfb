package io.vigil.intake.syslog;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vigil.intake.DeadLetter;
import io.vigil.intake.RecordingDeadLetterStore;
import io.vigil.intake.RecordingEventIntake;
import io.vigil.model.EventDraft;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.vigil.intake.syslog.SyslogChannels.elapse;
import static io.vigil.intake.syslog.SyslogChannels.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SyslogUdpHandlerTest {

    private final SyslogChannels channels = new SyslogChannels();
    private final RecordingEventIntake intake = channels.intake;
    private final RecordingDeadLetterStore deadLetters = channels.deadLetters;
    private final SyslogCounters counters = channels.counters;
    private final EmbeddedChannel udp = channels.udp(settings(1_000, 8));

    @Test
    void shouldMapEachDatagramWithItsSendersAddress() {
        udp.writeInbound(datagram("<14>no header at all", "192.0.2.7"), datagram("<14>1 - - - - - - hi", "192.0.2.8"));

        assertThat(intake.submissions()).hasSize(1);
        assertThat(intake.committed()).extracting(EventDraft::source, EventDraft::resource, EventDraft::transport)
                .containsExactly(tuple("syslog:192.0.2.7", "192.0.2.7", "syslog-udp"),
                        tuple("syslog:192.0.2.8", "192.0.2.8", "syslog-udp"));
    }

    @Test
    void shouldDropTheOctetCountThatLoggerPutsInDatagrams() {
        udp.writeInbound(datagram("61 <11>Nov 21 06:30:40 vm app: msg", "127.0.0.1"));

        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("msg");
    }

    @Test
    void shouldDeadLetterAnUnparseableDatagram() {
        udp.writeInbound(datagram("GET / HTTP/1.1\r\n\r\n", "198.51.100.1"));

        DeadLetter letter = deadLetters.letters().get(0);
        assertThat(letter.transport()).isEqualTo("syslog-udp");
        assertThat(letter.peer()).isEqualTo("198.51.100.1");
        assertThat(letter.reason()).isEqualTo("missing PRI: expected \"<\" at the start, got \"GET / HTTP/1.1\"");
        assertThat(counters.deadLettered()).isEqualTo(1);
    }

    @Test
    void shouldCountABatchAsRejectedAfterRetryingBrieflyAndThenCarryOn() {
        intake.refuseNext(100);
        udp.writeInbound(datagram("<14>lost", "192.0.2.7"));
        assertThat(channels.udpQueue.reading()).isFalse();

        elapse(udp, 10);
        elapse(udp, 20);
        assertThat(counters.rejected()).isZero();
        elapse(udp, 40);

        assertThat(counters.rejected()).isEqualTo(1);
        assertThat(channels.udpQueue.reading()).isTrue();
        intake.refuseNext(0);
        udp.writeInbound(datagram("<14>kept", "192.0.2.7"));
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("kept");
        assertThat(counters.pending()).isZero();
    }

    @Test
    void shouldQueueDatagramsWhileTheIntakePushesBackAndHandThemOverInBatchesWhenItTakesThemAgain() {
        EmbeddedChannel small = channels.udp(settings(100, 8));
        intake.refuseNext(1);
        small.writeInbound(datagram("<14>first", "192.0.2.7"));
        assertThat(channels.udpQueue.reading()).isFalse();

        for (int i = 0; i < 250; i++) {
            small.writeInbound(datagram("<14>queued " + i, "192.0.2.7"));
        }
        assertThat(counters.queued()).isEqualTo(250);
        assertThat(counters.received()).isEqualTo(251);
        assertThat(channels.udpQueue.queuedBytes()).isEqualTo(250 * SyslogUdpQueue.ENTRY_COST
                + 250 * "<14>queued ".length() + 10 + 90 * 2 + 150 * 3);

        elapse(small, 10);

        assertThat(channels.udpQueue.reading()).isTrue();
        assertThat(intake.submissions()).extracting(List::size).containsExactly(1, 100, 100, 50);
        assertThat(intake.committed()).hasSize(251).last().extracting(EventDraft::message).isEqualTo("queued 249");
        assertThat(counters.queued()).isZero();
        assertThat(counters.pending()).isZero();
        assertThat(channels.udpQueue.queuedBytes()).isZero();
        assertThat(counters.accepted()).isEqualTo(251);
    }

    @Test
    void shouldDropAndCountWhatNoLongerFitsTheQueueAndKeepWhatDid() {
        // 1 MiB holds 2,097 datagrams of 404 bytes (500 with the entry's cost).
        EmbeddedChannel small = channels.udp(settings(1_000, 8).withUdpQueue(1024 * 1024));
        intake.refuseNext(1);
        small.writeInbound(datagram("<14>first", "192.0.2.7"));
        String line = "<14>" + "x".repeat(400);

        for (int i = 0; i < 3_000; i++) {
            small.writeInbound(datagram(line, "192.0.2.7"));
        }
        assertThat(counters.queued()).isEqualTo(2_097);
        assertThat(counters.rejected()).isEqualTo(3_000 - 2_097);
        assertThat(counters.received()).isEqualTo(3_001);

        elapse(small, 10);
        small.writeInbound(datagram("<14>after", "192.0.2.7"));

        assertThat(counters.accepted()).isEqualTo(1 + 2_097 + 1);
        assertThat(counters.accepted() + counters.rejected()).as("every received datagram accounted for")
                .isEqualTo(counters.received());
        assertThat(intake.committed()).last().extracting(EventDraft::message).isEqualTo("after");
        assertThat(channels.udpQueue.queuedBytes()).isZero();
    }

    @Test
    void shouldRefuseAQueueSmallerThanOneMegabyte() {
        assertThatThrownBy(() -> new SyslogSettings("127.0.0.1", 0, 0).withUdpQueue(1000))
                .hasMessage("syslog UDP queue must be 1MB to 2GB, got 1000 bytes");
    }

    @Test
    void shouldDeadLetterADatagramLongerThanTheMaximumWithItsHead() {
        EmbeddedChannel narrow = channels.udp(new SyslogSettings("127.0.0.1", 0, 0, 480, 1_000, 8,
                Duration.ofMillis(50), ZoneOffset.UTC));

        narrow.writeInbound(datagram("<14>" + "x".repeat(477), "192.0.2.7"), datagram("<14>" + "x".repeat(476), "192.0.2.7"));

        assertThat(deadLetters.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("datagram longer than 480 bytes");
            assertThat(letter.raw()).hasSize(480);
        });
        assertThat(intake.committed()).extracting(EventDraft::message).containsExactly("x".repeat(476));
        assertThat(counters.oversized()).isEqualTo(1);
    }

    @Test
    void shouldReceiveDatagramsIntoABufferOneByteLongerThanTheMaximumFrame() {
        assertThat(SyslogUdpHandler.receiveBufferSize(480)).isEqualTo(481);
        assertThat(SyslogUdpHandler.receiveBufferSize(SyslogSettings.DEFAULT_MAX_FRAME_LENGTH)).isEqualTo(65_536);
    }

    private static DatagramPacket datagram(String text, String sender) {
        return new DatagramPacket(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8),
                new InetSocketAddress("127.0.0.1", 5514), new InetSocketAddress(sender, 40_000));
    }
}
