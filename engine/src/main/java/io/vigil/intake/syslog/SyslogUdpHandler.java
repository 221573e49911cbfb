package io.vigil.intake.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.time.Clock;

/**
 * Syslog over UDP, on a receive thread: copies each datagram (only its head when it is longer than
 * the longest frame) into the {@link SyslogUdpQueue} and nothing else, so that the socket is read
 * again at once. Parsing and journaling happen on the queue's intake thread.
 */
final class SyslogUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    /** The largest UDP payload is 65,527 bytes (IPv6); a receive buffer of this size never cuts one. */
    private static final int LARGEST_DATAGRAM = 65_536;

    private final SyslogUdpQueue queue;
    private final int maxFrameLength;
    private final Clock clock;

    SyslogUdpHandler(SyslogUdpQueue queue, int maxFrameLength, Clock clock) {
        this.queue = queue;
        this.maxFrameLength = maxFrameLength;
        this.clock = clock;
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
        if (content.readableBytes() > maxFrameLength) {
            byte[] head = ByteBufUtil.getBytes(content, content.readerIndex(),
                    Math.min(SyslogFrameDecoder.OVERSIZED_HEAD_BYTES, maxFrameLength));
            queue.offer(head, true, packet.sender(), clock.instant());
            return;
        }
        queue.offer(ByteBufUtil.getBytes(content), false, packet.sender(), clock.instant());
    }
}
