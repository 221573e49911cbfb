package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts a syslog TCP stream into {@link SyslogFrame}s. The framing is detected per frame, as
 * senders mix them in practice: a frame starting with a digit is octet-counted (RFC 6587
 * {@code LEN SP MSG}); anything else runs to the next LF (CRLF and NUL are tolerated too).
 *
 * <p>Bad input never closes the connection: an over-long frame is emitted as malformed (with
 * its first bytes) and the rest of it skipped, the declared length for octet counting, up to the
 * next LF otherwise, so the stream stays in step. A frame cut off by the end of the connection
 * is emitted too: a last line without LF is a message, a short octet-counted frame is malformed.
 */
final class SyslogFrameDecoder extends ByteToMessageDecoder {

    private static final int MAX_COUNT_DIGITS = 9;
    private static final int KEPT_OF_OVERSIZED_FRAME = 1024;

    private final int maxFrameLength;
    private long skipBytes;
    private boolean skipLine;

    SyslogFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (skipBytes > 0 || skipLine) {
            skipRestOfOversizedFrame(in);
            return;
        }
        skipSeparators(in);
        if (!in.isReadable()) {
            return;
        }
        int header = octetCountHeaderLength(in);
        if (header > 0) {
            decodeOctetCounted(in, header, out);
        } else if (header < 0) {
            decodeLine(in, out);
        }
        // header == 0: the digits of a count so far, wait for more
    }

    /** decode() has taken every complete frame; what is left was cut off by the end of the connection. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (skipBytes == 0 && !skipLine) {
            skipSeparators(in);
            int header = in.isReadable() ? octetCountHeaderLength(in) : 0;
            if (header > 0) {
                long length = declaredLength(in, header);
                out.add(SyslogFrame.malformed("connection closed inside an octet-counted frame: got "
                        + (in.readableBytes() - header) + " of " + length + " bytes", readAll(in)));
            } else if (in.isReadable()) {
                out.add(SyslogFrame.message(readAll(in)));
            }
        }
        in.skipBytes(in.readableBytes());
    }

    private void decodeOctetCounted(ByteBuf in, int header, List<Object> out) {
        long length = declaredLength(in, header);
        if (length > maxFrameLength) {
            in.skipBytes(header);
            int kept = (int) Math.min(in.readableBytes(), Math.min(length, KEPT_OF_OVERSIZED_FRAME));
            out.add(SyslogFrame.malformed("frame of " + length + " bytes exceeds the maximum of " + maxFrameLength
                    + " (octet count)", ByteBufUtil.getBytes(in.readSlice(kept))));
            skipBytes = length - kept;
        } else if (in.readableBytes() >= header + length) {
            in.skipBytes(header);
            out.add(SyslogFrame.message(ByteBufUtil.getBytes(in.readSlice((int) length))));
        }
    }

    private void decodeLine(ByteBuf in, List<Object> out) {
        int searched = Math.min(in.readableBytes(), maxFrameLength + 1);
        int end = in.forEachByte(in.readerIndex(), searched, b -> b != '\n' && b != 0);
        if (end >= 0) {
            int length = end - in.readerIndex();
            boolean crlf = length > 0 && in.getByte(end - 1) == '\r';
            out.add(SyslogFrame.message(ByteBufUtil.getBytes(in.readSlice(crlf ? length - 1 : length))));
            in.skipBytes(crlf ? 2 : 1);
        } else if (in.readableBytes() > maxFrameLength) {
            out.add(SyslogFrame.malformed("line longer than " + maxFrameLength + " bytes without a line feed",
                    ByteBufUtil.getBytes(in.readSlice(maxFrameLength))));
            skipLine = true;
        }
    }

    private void skipRestOfOversizedFrame(ByteBuf in) {
        if (skipBytes > 0) {
            int skipped = (int) Math.min(skipBytes, in.readableBytes());
            in.skipBytes(skipped);
            skipBytes -= skipped;
            return;
        }
        int lineFeed = in.forEachByte(b -> b != '\n');
        if (lineFeed < 0) {
            in.skipBytes(in.readableBytes());
        } else {
            in.readerIndex(lineFeed + 1);
            skipLine = false;
        }
    }

    /** CR, LF and NUL between frames (some senders end octet-counted frames with LF as well). */
    private static void skipSeparators(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\n' && b != '\r' && b != 0) {
                return;
            }
            in.skipBytes(1);
        }
    }

    /**
     * The length of a "digits SP" header at the reader index: positive when complete and followed
     * by the "<" of a PRI, 0 when it may still become one, -1 when this is no octet-counted frame.
     * Requiring the "<" keeps a garbage line such as "404 not found" from swallowing the stream.
     */
    private static int octetCountHeaderLength(ByteBuf in) {
        int start = in.readerIndex();
        int limit = Math.min(in.readableBytes(), MAX_COUNT_DIGITS + 1);
        for (int i = 0; i < limit; i++) {
            byte b = in.getByte(start + i);
            if (b == ' ' && i > 0) {
                if (i + 1 == in.readableBytes()) {
                    return 0;
                }
                return in.getByte(start + i + 1) == '<' ? i + 1 : -1;
            }
            if (b < '0' || b > '9') {
                return -1;
            }
        }
        return limit <= MAX_COUNT_DIGITS ? 0 : -1;
    }

    private static long declaredLength(ByteBuf in, int header) {
        return Long.parseLong(in.toString(in.readerIndex(), header - 1, StandardCharsets.US_ASCII));
    }

    private static byte[] readAll(ByteBuf in) {
        return ByteBufUtil.getBytes(in.readSlice(in.readableBytes()));
    }
}
