package io.vigil.intake.syslog;

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

    private final SyslogFrameProcessor frames;
    private final SyslogBatchSubmitter submitter;

    SyslogUdpHandler(SyslogFrameProcessor frames, SyslogBatchSubmitter submitter) {
        this.frames = frames;
        this.submitter = submitter;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        byte[] datagram = withoutOctetCount(ByteBufUtil.getBytes(packet.content()));
        frames.process(SyslogFrame.message(datagram), PeerAddress.of(packet.sender()), submitter);
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
