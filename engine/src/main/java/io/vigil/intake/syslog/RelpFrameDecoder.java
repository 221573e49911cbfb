package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts a RELP stream into {@link RelpFrame}s: {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF},
 * TXNR 1 to 999999999 (at most 9 digits), COMMAND 1 to 32 letters, DATALEN at most 9 digits and
 * at most {@code maxDataLength}; with DATALEN 0 the LF follows it directly.
 *
 * <p>Every field is bounded, so a frame never holds more than its header and
 * {@code maxDataLength} bytes in memory. A frame that breaks the framing is emitted as malformed
 * (with the TXNR when it was read, so it can be answered) and everything after it is discarded:
 * RELP has no way to find the next frame, and its answer to a framing error is to end the
 * session, after which the client reconnects and resends what was not acknowledged. A frame cut
 * off by the end of the connection is dropped for the same reason.
 */
final class RelpFrameDecoder extends ByteToMessageDecoder {

    static final int MAX_TXNR = 999_999_999;
    private static final int MAX_NUMBER_DIGITS = 9;
    private static final int MAX_COMMAND_LETTERS = 32;
    /** How much of the offending input a reason quotes. */
    private static final int QUOTED_BYTES = 12;

    private final int maxDataLength;
    private boolean broken;

    RelpFrameDecoder(int maxDataLength) {
        this.maxDataLength = maxDataLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        RelpFrame frame = nextFrame(in);
        if (frame == null) {
            return;
        }
        if (frame.isMalformed()) {
            broken = true;
            in.skipBytes(in.readableBytes());
        }
        out.add(frame);
    }

    /** The frame at the reader index (which then moves past it), or null while it is incomplete. */
    private RelpFrame nextFrame(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();

        int txnrEnd = digitsEnd(in, start, end);
        if (txnrEnd - start > MAX_NUMBER_DIGITS) {
            return malformed(in, 0, "TXNR longer than " + MAX_NUMBER_DIGITS + " digits", false);
        }
        if (txnrEnd == end) {
            return null;
        }
        if (txnrEnd == start || in.getByte(txnrEnd) != ' ') {
            return malformed(in, 0, "a frame must start with its TXNR (digits) and a space, got " + quote(in, start), false);
        }
        int txnr = Integer.parseInt(ascii(in, start, txnrEnd));
        if (txnr == 0) {
            return malformed(in, 0, "TXNR 0 is reserved for hints; commands are numbered 1 to " + MAX_TXNR, false);
        }

        int commandStart = txnrEnd + 1;
        int commandEnd = lettersEnd(in, commandStart, end);
        if (commandEnd - commandStart > MAX_COMMAND_LETTERS) {
            return malformed(in, txnr, "command longer than " + MAX_COMMAND_LETTERS + " letters", false);
        }
        if (commandEnd == end) {
            return null;
        }
        if (commandEnd == commandStart || in.getByte(commandEnd) != ' ') {
            return malformed(in, txnr, "the command must be letters followed by a space, got " + quote(in, commandStart), false);
        }

        int lengthStart = commandEnd + 1;
        int lengthEnd = digitsEnd(in, lengthStart, end);
        if (lengthEnd - lengthStart > MAX_NUMBER_DIGITS) {
            return malformed(in, txnr, "data length longer than " + MAX_NUMBER_DIGITS + " digits", false);
        }
        if (lengthEnd == end) {
            return null;
        }
        if (lengthEnd == lengthStart) {
            return malformed(in, txnr, "the data length must be digits, got " + quote(in, lengthStart), false);
        }
        int length = Integer.parseInt(ascii(in, lengthStart, lengthEnd));
        if (length > maxDataLength) {
            return malformed(in, txnr, "data length " + length + " exceeds the maximum of " + maxDataLength + " bytes", true);
        }
        byte separator = in.getByte(lengthEnd);
        if (length == 0) {
            if (separator != '\n') {
                return malformed(in, txnr, "a frame without data must end with a line feed after its length 0, got "
                        + quote(in, lengthEnd), false);
            }
            in.readerIndex(lengthEnd + 1);
            return RelpFrame.command(txnr, ascii(in, commandStart, commandEnd), new byte[0]);
        }
        if (separator != ' ') {
            return malformed(in, txnr, "the data length must be followed by a space, got " + quote(in, lengthEnd), false);
        }
        int dataStart = lengthEnd + 1;
        int trailer = dataStart + length;
        if (trailer >= end) {
            return null;
        }
        if (in.getByte(trailer) != '\n') {
            return malformed(in, txnr, "a frame with " + length + " data bytes must end with a line feed after them, got "
                    + quote(in, trailer), false);
        }
        RelpFrame frame = RelpFrame.command(txnr, ascii(in, commandStart, commandEnd),
                ByteBufUtil.getBytes(in, dataStart, length));
        in.readerIndex(trailer + 1);
        return frame;
    }

    /** The first bytes from the bad frame on, for its dead letter. */
    private RelpFrame malformed(ByteBuf in, int txnr, String reason, boolean oversized) {
        int kept = Math.min(in.readableBytes(), Math.min(SyslogFrameDecoder.OVERSIZED_HEAD_BYTES, maxDataLength));
        return RelpFrame.malformed(txnr, reason, ByteBufUtil.getBytes(in, in.readerIndex(), kept), oversized);
    }

    /** The end of the digits from {@code from} on, looking at no more than one digit past the maximum. */
    private static int digitsEnd(ByteBuf in, int from, int end) {
        int limit = Math.min(end, from + MAX_NUMBER_DIGITS + 1);
        int i = from;
        while (i < limit && in.getByte(i) >= '0' && in.getByte(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int lettersEnd(ByteBuf in, int from, int end) {
        int limit = Math.min(end, from + MAX_COMMAND_LETTERS + 1);
        int i = from;
        while (i < limit && isLetter(in.getByte(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    private static String ascii(ByteBuf in, int from, int to) {
        return in.toString(from, to - from, StandardCharsets.US_ASCII);
    }

    private static String quote(ByteBuf in, int from) {
        int length = Math.min(QUOTED_BYTES, in.writerIndex() - from);
        return SyslogText.quote(in.toString(from, length, StandardCharsets.ISO_8859_1));
    }
}
