package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.util.Arrays;

/**
 * Syslog over UDP: one message per datagram, submitted in batches per read burst. UDP cannot
 * push back on a sender, so when the intake refuses a batch it is retried only briefly
 * ({@link SyslogSettings#udpRetryFor()}) while reading pauses (the kernel's socket buffer
 * absorbs the burst meanwhile), and then counted as rejected and logged (rate-limited).
 */
final class SyslogUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    /** The largest UDP payload is 65,527 bytes (IPv6); a receive buffer of this size never cuts one. */
    private static final int LARGEST_DATAGRAM = 65_536;

    private final SyslogFrameProcessor frames;
    private final SyslogBatchSubmitter submitter;
    private final int maxFrameLength;

    SyslogUdpHandler(SyslogFrameProcessor frames, SyslogBatchSubmitter submitter, int maxFrameLength) {
        this.frames = frames;
        this.submitter = submitter;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * The receive buffer size for datagrams: one byte more than the longest frame, so that a longer
     * datagram, which the kernel cuts to the buffer silently, is still seen to be too long.
     */
    static int receiveBufferSize(int maxFrameLength) {
        return Math.min(maxFrameLength + 1, LARGEST_DATAGRAM);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        String peer = PeerAddress.of(packet.sender());
        if (content.readableBytes() > maxFrameLength) {
            byte[] head = ByteBufUtil.getBytes(content, content.readerIndex(),
                    Math.min(SyslogFrameDecoder.OVERSIZED_HEAD_BYTES, maxFrameLength));
            frames.process(SyslogFrame.oversized("datagram longer than " + maxFrameLength + " bytes", head, false), peer,
                    submitter);
            return;
        }
        frames.process(SyslogFrame.message(withoutOctetCount(ByteBufUtil.getBytes(content))), peer, submitter);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        submitter.flush();
        ctx.fireChannelReadComplete();
    }

    /** {@code logger --udp --octet-count} frames datagrams too: drop a "LEN SP" before the PRI. */
    private static byte[] withoutOctetCount(byte[] datagram) {
        int i = 0;
        while (i < datagram.length && i < 10 && datagram[i] >= '0' && datagram[i] <= '9') {
            i++;
        }
        boolean counted = i > 0 && i + 1 < datagram.length && datagram[i] == ' ' && datagram[i + 1] == '<';
        return counted ? Arrays.copyOfRange(datagram, i + 1, datagram.length) : datagram;
    }
}
