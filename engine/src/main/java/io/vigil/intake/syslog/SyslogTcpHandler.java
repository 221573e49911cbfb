package io.vigil.intake.syslog;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * The end of one TCP connection's pipeline: parses its frames and submits them, one batch per
 * read burst, through a {@link SyslogBatchSubmitter} that never drops and pauses reading while
 * the intake is behind. Handlers for TLS or RELP acknowledgements go in front of it; it needs
 * only {@link SyslogFrame}s.
 */
final class SyslogTcpHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SyslogTcpHandler.class);
    private static final RateLimitedLog closings = new RateLimitedLog(log, Duration.ofSeconds(10));

    private final SyslogFrameProcessor frames;
    private final SyslogBatchSubmitter submitter;
    private String peer;

    SyslogTcpHandler(SyslogFrameProcessor frames, SyslogBatchSubmitter submitter) {
        this.frames = frames;
        this.submitter = submitter;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        peer = PeerAddress.of(ctx.channel().remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        SyslogFrame frame = (SyslogFrame) msg;
        frames.process(frame, peer, ctx.channel().attr(TlsClientGate.SOURCE).get(), submitter, null);
        if (frame.closesConnection()) {
            // What was read before the bad frame is submitted and committed as usual; the sender must reconnect.
            closings.warn("closing the syslog connection from " + peer + ": " + frame.malformedReason());
            submitter.flush();
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        submitter.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // A last frame cut off by the close arrives just before this; batches being retried go on.
        submitter.flush();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        logFailure(log, "syslog", peer, cause);
        ctx.close();
    }

    /** A reset or a broken pipe is routine (the sender went away): only the unexpected is a warning. */
    static void logFailure(Logger log, String protocol, String peer, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("{} connection from {} failed: {}", protocol, peer, cause.toString());
        } else {
            log.warn("{} connection from {} failed, closing it", protocol, peer, cause);
        }
    }
}
