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
 * <p>A frame longer than {@code maxFrameLength} is emitted as oversized, with its first bytes
 * (at most {@value #OVERSIZED_HEAD_BYTES}), and never becomes an event:
 * <ul>
 * <li>An over-long line is skipped up to its LF, and reading resumes after it.
 * <li>An octet count over the maximum ends the connection: the count is the only framing there
 *     is, and nothing tells a long message that was really sent from a wrong count (a bogus
 *     {@code 999999999} would otherwise swallow the rest of the stream unseen). Skipping the
 *     declared length or guessing a restart point cannot be done reliably, so the frame is
 *     reported and the sender made to reconnect (syslog-ng does the same).
 * </ul>
 * A frame cut off by the end of the connection is emitted too: a last line without LF is a
 * message, a short octet-counted frame is malformed.
 */
final class SyslogFrameDecoder extends ByteToMessageDecoder {

    static final int OVERSIZED_HEAD_BYTES = 1024;
    private static final int MAX_COUNT_DIGITS = 9;

    private final int maxFrameLength;
    /** Bytes of the line being read already known to hold no LF or NUL, so they are not scanned again. */
    private int lineScanned;
    private boolean skipLine;
    private boolean discardAll;

    SyslogFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discardAll) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (skipLine) {
            skipRestOfLine(in);
            return;
        }
        if (lineScanned == 0) {
            skipSeparators(in);
        }
        if (!in.isReadable()) {
            return;
        }
        int header = lineScanned > 0 ? -1 : octetCountHeaderLength(in);
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
        if (!discardAll && !skipLine) {
            if (lineScanned == 0) {
                skipSeparators(in);
            }
            int header = in.isReadable() && lineScanned == 0 ? octetCountHeaderLength(in) : 0;
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
            out.add(SyslogFrame.oversized("octet count " + length + " exceeds the maximum frame length of " + maxFrameLength
                    + " bytes; connection closed, as the stream cannot be framed after a count that may be wrong",
                    head(in), true));
            discardAll = true;
            in.skipBytes(in.readableBytes());
        } else if (in.readableBytes() >= header + length) {
            in.skipBytes(header);
            out.add(SyslogFrame.message(ByteBufUtil.getBytes(in.readSlice((int) length))));
        }
    }

    private void decodeLine(ByteBuf in, List<Object> out) {
        int searched = Math.min(in.readableBytes(), maxFrameLength + 1);
        int end = searched > lineScanned
                ? in.forEachByte(in.readerIndex() + lineScanned, searched - lineScanned, b -> b != '\n' && b != 0) : -1;
        if (end >= 0) {
            int length = end - in.readerIndex();
            boolean crlf = length > 0 && in.getByte(end - 1) == '\r';
            out.add(SyslogFrame.message(ByteBufUtil.getBytes(in.readSlice(crlf ? length - 1 : length))));
            in.skipBytes(crlf ? 2 : 1);
            lineScanned = 0;
        } else if (in.readableBytes() > maxFrameLength) {
            out.add(SyslogFrame.oversized("line longer than " + maxFrameLength + " bytes without a line feed; skipped to the next one",
                    head(in), false));
            in.skipBytes(maxFrameLength + 1);
            lineScanned = 0;
            skipLine = true;
            skipRestOfLine(in);
        } else {
            lineScanned = searched;
        }
    }

    /** The first bytes of an oversized frame, for its dead letter (the reader index is left where it was). */
    private byte[] head(ByteBuf in) {
        return ByteBufUtil.getBytes(in, in.readerIndex(), Math.min(in.readableBytes(), Math.min(OVERSIZED_HEAD_BYTES, maxFrameLength)));
    }

    private void skipRestOfLine(ByteBuf in) {
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
