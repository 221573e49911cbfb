package io.vigil.intake.syslog;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Stands right behind the {@link SslHandler}: lets nothing through before the handshake is done,
 * refuses (closes, counts, logs rate-limited) a client whose handshake failed or whose certificate
 * is not on the allow-list, and names an accepted client's events after its certificate
 * ({@link #SOURCE}).
 */
final class TlsClientGate extends ChannelInboundHandlerAdapter {

    /** The event source of an authenticated client's connection, {@code cert:<name>}; absent without client certificates. */
    static final AttributeKey<String> SOURCE = AttributeKey.valueOf("vigil.syslog.source");

    private static final Logger log = LoggerFactory.getLogger(TlsClientGate.class);
    private static final RateLimitedLog refusals = new RateLimitedLog(log, Duration.ofSeconds(10));

    private final ClientCertificates clients;
    private final SyslogCounters counters;
    private boolean open;

    /** @param clients null when clients are not authenticated */
    TlsClientGate(ClientCertificates clients, SyslogCounters counters) {
        this.clients = clients;
        this.counters = counters;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                refuse(ctx, handshake.cause() instanceof ClosedChannelException
                        ? "the client closed the connection during the TLS handshake (does it trust this server's certificate?)"
                        : "TLS handshake failed: " + SyslogTls.rootMessage(handshake.cause()));
                return;
            }
            if (clients != null && !admit(ctx)) {
                return;
            }
            open = true;
        }
        super.userEventTriggered(ctx, event);
    }

    private boolean admit(ChannelHandlerContext ctx) {
        X509Certificate certificate;
        try {
            Certificate[] chain = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
            certificate = (X509Certificate) chain[0];
        } catch (SSLPeerUnverifiedException e) {
            refuse(ctx, "no client certificate");
            return false;
        }
        if (!clients.accepts(certificate)) {
            refuse(ctx, "client certificate " + certificate.getSubjectX500Principal() + " is not on the allowed list "
                    + "(VIGIL_SYSLOG_TLS_ALLOWEDCLIENTS)");
            return false;
        }
        ctx.channel().attr(SOURCE).set("cert:" + ClientCertificates.nameOf(certificate));
        return true;
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        counters.refusedClient();
        refusals.warn("refused the syslog TLS client " + PeerAddress.of(ctx.channel().remoteAddress()) + ": " + reason);
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (open) {
            ctx.fireChannelRead(msg);
        } else {
            // Application data that came with the handshake of a client being refused.
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isTls(cause)) {
            // A failed handshake is reported (once) by its completion event; a broken record later just ends the connection.
            log.debug("syslog TLS connection from {} failed: {}", PeerAddress.of(ctx.channel().remoteAddress()),
                    SyslogTls.rootMessage(cause));
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return cause instanceof DecoderException && cause.getCause() == null;
    }
}
