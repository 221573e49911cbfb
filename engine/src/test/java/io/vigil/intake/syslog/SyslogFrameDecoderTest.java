package io.vigil.intake.syslog;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new SyslogFrameDecoder(480));

    @Test
    void shouldCutLinesAtLfCrLfAndNul() {
        write("<13>a\n<13>b\r\n<13>c\0");

        assertThat(frames()).containsExactly("<13>a", "<13>b", "<13>c");
    }

    @Test
    void shouldReadOctetCountedFrames() {
        write("9 <13>hello10 <13>world!");

        assertThat(frames()).containsExactly("<13>hello", "<13>world!");
    }

    @Test
    void shouldDetectTheFramingOfEachFrame() {
        write("9 <13>hello\n<13>line\n\n10 <13>a\nb cd<13>next\n");

        assertThat(frames()).containsExactly("<13>hello", "<13>line", "<13>a\nb cd", "<13>next");
    }

    @Test
    void shouldWaitForTheRestOfASplitFrame() {
        write("1");
        write("0 <13>wo");
        assertThat(frames()).isEmpty();

        write("rld!<13>par");
        write("tial\n");

        assertThat(frames()).containsExactly("<13>world!", "<13>partial");
    }

    @Test
    void shouldTakeDigitsWithoutAPriForAPlainLine() {
        write("404 not found\n<13>ok\n");

        assertThat(frames()).containsExactly("404 not found", "<13>ok");
    }

    @Test
    void shouldReportAnOverlongLineWithItsHeadAndCarryOnAfterIt() {
        write("x".repeat(300));
        write("x".repeat(300) + "\n<13>ok\n");

        List<SyslogFrame> frames = rawFrames();

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).malformedReason()).isEqualTo("line longer than 480 bytes without a line feed; skipped to the next one");
        assertThat(frames.get(0).oversized()).isTrue();
        assertThat(frames.get(0).closesConnection()).isFalse();
        assertThat(frames.get(0).bytes()).hasSize(480);
        assertThat(text(frames.get(1))).isEqualTo("<13>ok");
    }

    @Test
    void shouldKeepAtMostOneKibibyteOfAnOverlongLine() {
        EmbeddedChannel wide = new EmbeddedChannel(new SyslogFrameDecoder(64 * 1024));
        wide.writeInbound(Unpooled.copiedBuffer("y".repeat(70_000) + "\n<13>ok\n", StandardCharsets.UTF_8));

        SyslogFrame oversized = wide.readInbound();
        SyslogFrame next = wide.readInbound();

        assertThat(oversized.bytes()).hasSize(1024);
        assertThat(text(next)).isEqualTo("<13>ok");
    }

    @Test
    void shouldFindTheEndOfALineSentByteByByte() {
        String line = "<13>" + "z".repeat(470);
        for (char c : (line + "\n<13>next\n").toCharArray()) {
            write(String.valueOf(c));
        }

        assertThat(frames()).containsExactly(line, "<13>next");
    }

    @Test
    void shouldReportABogusOctetCountAndTakeNothingMoreFromTheConnection() {
        write("9 <13>hello999999999 <13>1 - host app - - - swallowed?\n<13>after\n");
        write("<13>later\n");
        channel.finish();

        List<SyslogFrame> frames = rawFrames();

        assertThat(frames).hasSize(2);
        assertThat(text(frames.get(0))).isEqualTo("<13>hello");
        assertThat(frames.get(1).malformedReason()).isEqualTo("octet count 999999999 exceeds the maximum frame length of 480"
                + " bytes; connection closed, as the stream cannot be framed after a count that may be wrong");
        assertThat(frames.get(1).oversized()).isTrue();
        assertThat(frames.get(1).closesConnection()).isTrue();
        assertThat(text(frames.get(1))).isEqualTo("999999999 <13>1 - host app - - - swallowed?\n<13>after\n");
    }

    @Test
    void shouldTreatAnOctetCountJustOverTheMaximumTheSameWay() {
        write("481 <13>" + "x".repeat(477) + "<13>next\n");

        List<SyslogFrame> frames = rawFrames();

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.closesConnection()).isTrue();
            assertThat(frame.bytes()).hasSize(480);
        });
    }

    @Test
    void shouldAcceptAnOctetCountedFrameOfExactlyTheMaximum() {
        write("480 <13>" + "x".repeat(476) + "5 <13>x");

        assertThat(frames()).containsExactly("<13>" + "x".repeat(476), "<13>x");
    }

    @Test
    void shouldEmitAnUnterminatedLastLineWhenTheConnectionCloses() {
        write("<13>first\n<13>last");
        channel.finish();

        assertThat(frames()).containsExactly("<13>first", "<13>last");
    }

    @Test
    void shouldReportAnOctetCountedFrameCutOffByTheClose() {
        write("20 <13>short");
        channel.finish();

        SyslogFrame frame = channel.readInbound();

        assertThat(frame.malformedReason()).isEqualTo("connection closed inside an octet-counted frame: got 9 of 20 bytes");
        assertThat(text(frame)).isEqualTo("20 <13>short");
    }

    private void write(String data) {
        channel.writeInbound(Unpooled.copiedBuffer(data, StandardCharsets.UTF_8));
    }

    private List<SyslogFrame> rawFrames() {
        List<SyslogFrame> frames = new ArrayList<>();
        for (SyslogFrame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        return frames;
    }

    private List<String> frames() {
        List<SyslogFrame> frames = rawFrames();
        assertThat(frames).noneMatch(SyslogFrame::isMalformed);
        return frames.stream().map(SyslogFrameDecoderTest::text).toList();
    }

    private static String text(SyslogFrame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }
}
