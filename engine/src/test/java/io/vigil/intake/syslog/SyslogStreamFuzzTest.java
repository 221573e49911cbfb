package io.vigil.intake.syslog;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vigil.intake.StorableEvent;
import io.vigil.model.EventDraft;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the syslog TCP path (Jazzer): a byte stream, cut into reads of a
 * fuzzed size, goes through {@link SyslogFrameDecoder} with a fuzzed maximum frame length, and
 * every frame through {@link SyslogMessageParser}. {@code mvn verify} replays the inputs under
 * {@code SyslogStreamFuzzTestInputs/decodeAndParse}; {@code -Pfuzz} generates new ones.
 * Contract: no exception but the parser's own {@link SyslogParseException}; frames within the
 * maximum (oversized ones only as a bounded head with a reason); nothing framed after a frame
 * that closes the connection; every accepted event storable; no input takes long (the per-input
 * timeout the build sets: libFuzzer's while fuzzing, JUnit's while replaying).
 */
class SyslogStreamFuzzTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T06:30:41Z");
    private static final int MAX_REASON_CHARS = 1024;
    /** Enough reads to split frames anywhere, few enough to keep each input fast. */
    private static final int MAX_READS = 64;

    private final SyslogMessageParser parser = new SyslogMessageParser(ZoneOffset.UTC);

    /** Framing, header and structured-data tokens of both RFCs. */
    @DictionaryFile(resourcePath = "syslog.dict")
    @FuzzTest(maxDuration = "60s")
    void decodeAndParse(FuzzedDataProvider data) {
        int maxFrameLength = data.consumeInt(SyslogSettings.MIN_FRAME_LENGTH, 2_048);
        int readSize = data.consumeInt(1, 512);
        byte[] stream = data.consumeRemainingAsBytes();

        for (SyslogFrame frame : decode(stream, Math.max(readSize, stream.length / MAX_READS), maxFrameLength)) {
            if (frame.isMalformed()) {
                assertThat(frame.malformedReason()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_REASON_CHARS);
                assertThat(frame.bytes().length).as("kept of a malformed frame")
                        .isLessThanOrEqualTo(frame.oversized() ? SyslogFrameDecoder.OVERSIZED_HEAD_BYTES : maxFrameLength + 10);
                continue;
            }
            assertThat(frame.bytes().length).as("frame length").isLessThanOrEqualTo(maxFrameLength);
            parse(frame.bytes(), maxFrameLength);
        }
    }

    private static List<SyslogFrame> decode(byte[] stream, int readSize, int maxFrameLength) {
        EmbeddedChannel channel = new EmbeddedChannel(new SyslogFrameDecoder(maxFrameLength));
        for (int from = 0; from < stream.length; from += readSize) {
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + readSize))));
        }
        channel.finish();
        List<SyslogFrame> frames = new ArrayList<>();
        for (SyslogFrame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            assertThat(frames).as("frames after one that closes the connection").noneMatch(SyslogFrame::closesConnection);
            frames.add(frame);
        }
        return frames;
    }

    private void parse(byte[] frame, int maxFrameLength) {
        EventDraft draft;
        try {
            draft = parser.parse(frame, "syslog-tcp", "192.0.2.7", RECEIVED);
        } catch (SyslogParseException refused) {
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_REASON_CHARS);
            return;
        }
        StorableEvent.assertStorable(draft);
        // Each byte received becomes at most one character (invalid UTF-8 becomes U+FFFD).
        assertThat(draft.raw().length()).as("raw characters").isLessThanOrEqualTo(maxFrameLength);
    }
}
