package io.vigil.intake.syslog;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RelpFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RelpFrameDecoder(SyslogSettings.MIN_FRAME_LENGTH));

    @Test
    void shouldDecodeAFrameWithData() {
        RelpFrame frame = single("7 syslog 10 <13>a: b\nc\n");

        assertThat(frame.txnr()).isEqualTo(7);
        assertThat(frame.command()).isEqualTo("syslog");
        assertThat(text(frame.data())).isEqualTo("<13>a: b\nc");
        assertThat(frame.isMalformed()).isFalse();
    }

    @Test
    void shouldDecodeAFrameWithoutData() {
        RelpFrame frame = single("999999999 close 0\n");

        assertThat(frame.txnr()).isEqualTo(999_999_999);
        assertThat(frame.command()).isEqualTo("close");
        assertThat(frame.data()).isEmpty();
    }

    @Test
    void shouldDecodeFramesCoalescedInOneRead() {
        write("1 open 14 relp_version=0\n2 syslog 5 <13>x\n3 close 0\n");

        assertThat(frames()).extracting(RelpFrame::txnr, RelpFrame::command).containsExactly(
                tuple(1, "open"), tuple(2, "syslog"),
                tuple(3, "close"));
    }

    @Test
    void shouldWaitForAFrameSplitAcrossReads() {
        String stream = "12 syslog 5 <13>x\n13 close 0\n";
        List<RelpFrame> frames = new ArrayList<>();
        for (int i = 0; i < stream.length(); i++) {
            write(stream.substring(i, i + 1));
            frames.addAll(frames());
            if (i < stream.indexOf('\n')) {
                assertThat(frames).as("after %d bytes", i + 1).isEmpty();
            }
        }

        assertThat(frames).extracting(RelpFrame::txnr).containsExactly(12, 13);
        assertThat(text(frames.get(0).data())).isEqualTo("<13>x");
    }

    @Test
    void shouldDropAFrameCutOffByTheEndOfTheConnection() {
        write("1 syslog 5 <13>");

        channel.finish();

        assertThat(frames()).isEmpty();
    }

    @Test
    void shouldRejectAFrameNotStartingWithATxnr() {
        assertMalformed("syslog 0\n", 0, "a frame must start with its TXNR (digits) and a space, got \"syslog 0\\x0A\"");
        assertMalformed("1\tsyslog 0\n", 0, "a frame must start with its TXNR (digits) and a space, got \"1\\x09syslog 0\\x0A\"");
    }

    @Test
    void shouldRejectATxnrOfTenDigits() {
        assertMalformed("1000000000 syslog 0\n", 0, "TXNR longer than 9 digits");
    }

    @Test
    void shouldRejectTxnrZero() {
        assertMalformed("0 serverclose 0\n", 0, "TXNR 0 is reserved for hints; commands are numbered 1 to 999999999");
    }

    @Test
    void shouldRejectABadCommand() {
        assertMalformed("4 sys_log 0\n", 4, "the command must be letters followed by a space, got \"sys_log 0\\x0A\"");
        assertMalformed("4 " + "x".repeat(33) + " 0\n", 4, "command longer than 32 letters");
    }

    @Test
    void shouldRejectANonNumericDataLength() {
        assertMalformed("5 syslog five <13>x\n", 5, "the data length must be digits, got \"five <13>x\\x0A\"");
        assertMalformed("5 syslog 5x <13>x\n", 5, "the data length must be followed by a space, got \"x <13>x\\x0A\"");
        assertMalformed("5 syslog 1234567890 x\n", 5, "data length longer than 9 digits");
    }

    @Test
    void shouldRejectADataLengthOverTheMaximumBeforeReadingTheData() {
        write("6 syslog 481 <13>only the start");

        RelpFrame frame = single();
        assertThat(frame.malformedReason()).isEqualTo("data length 481 exceeds the maximum of 480 bytes");
        assertThat(frame.oversized()).isTrue();
        assertThat(frame.txnr()).isEqualTo(6);
        assertThat(text(frame.data())).isEqualTo("6 syslog 481 <13>only the start");
    }

    @Test
    void shouldAcceptADataLengthOfExactlyTheMaximum() {
        String data = "<13>" + "x".repeat(476);

        assertThat(text(single("1 syslog 480 " + data + "\n").data())).isEqualTo(data);
    }

    @Test
    void shouldRejectAFrameWithoutItsTrailer() {
        assertMalformed("8 syslog 5 <13>xy\n", 8, "a frame with 5 data bytes must end with a line feed after them, got \"y\\x0A\"");
        assertMalformed("8 close 0 \n", 8, "a frame without data must end with a line feed after its length 0, got \" \\x0A\"");
    }

    @Test
    void shouldDiscardEverythingAfterAMalformedFrame() {
        write("1 syslog 5 <13>x\n2 syslog 3 abcd\n3 close 0\n");
        write("4 close 0\n");

        List<RelpFrame> frames = frames();
        assertThat(frames).extracting(RelpFrame::isMalformed).containsExactly(false, true);
        assertThat(text(frames.get(1).data())).isEqualTo("2 syslog 3 abcd\n3 close 0\n");
    }

    private void assertMalformed(String stream, int txnr, String reason) {
        EmbeddedChannel fresh = new EmbeddedChannel(new RelpFrameDecoder(SyslogSettings.MIN_FRAME_LENGTH));
        fresh.writeInbound(Unpooled.copiedBuffer(stream, StandardCharsets.ISO_8859_1));
        RelpFrame frame = fresh.readInbound();
        assertThat(frame.malformedReason()).isEqualTo(reason);
        assertThat(frame.txnr()).isEqualTo(txnr);
        assertThat(frame.oversized()).isFalse();
        assertThat(text(frame.data())).isEqualTo(stream);
        assertThat((Object) fresh.readInbound()).isNull();
    }

    private RelpFrame single(String stream) {
        write(stream);
        return single();
    }

    private RelpFrame single() {
        List<RelpFrame> frames = frames();
        assertThat(frames).hasSize(1);
        return frames.get(0);
    }

    private void write(String stream) {
        channel.writeInbound(Unpooled.copiedBuffer(stream, StandardCharsets.ISO_8859_1));
    }

    private List<RelpFrame> frames() {
        List<RelpFrame> frames = new ArrayList<>();
        for (RelpFrame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        return frames;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
