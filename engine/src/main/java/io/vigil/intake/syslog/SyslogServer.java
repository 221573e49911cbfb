package io.vigil.intake.syslog;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vigil.intake.DeadLetterStore;
import io.vigil.intake.EventIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * Receives syslog over UDP and TCP (Netty) and hands the events to the {@link EventIntake};
 * what cannot be parsed goes to the {@link DeadLetterStore}, and the server keeps going.
 *
 * <p>TCP pipeline: {@code framer} ({@link SyslogFrameDecoder}) → {@code intake}
 * ({@link SyslogTcpHandler}). TLS is added later as an SslHandler in front of the framer, RELP
 * by replacing the framer with a RELP decoder and acknowledging from the intake's futures.
 */
public final class SyslogServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyslogServer.class);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(5);
    /** The transports, as events and metrics name them. */
    public static final String UDP = "syslog-udp";
    public static final String TCP = "syslog-tcp";
    public static final String TLS = "syslog-tls";
    public static final String RELP = "syslog-relp";

    private final SyslogSettings settings;
    private final EventIntake intake;
    private final DeadLetterStore deadLetters;
    private final Map<String, SyslogCounters> countersByTransport = new ConcurrentSkipListMap<>();
    private final SyslogMessageParser parser;
    private final Clock clock = Clock.systemUTC();
    private EventLoopGroup group;
    private ChannelGroup connections;
    private volatile Channel relp;
    private volatile Channel udp;
    private volatile Channel tcp;

    public SyslogServer(SyslogSettings settings, EventIntake intake, DeadLetterStore deadLetters) {
        this.settings = settings;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.parser = new SyslogMessageParser(settings.rfc3164Zone());
        // Created up front so that metrics can be registered per enabled transport before the start.
        if (settings.udpPort() >= 0) {
            countersFor(UDP);
        }
        if (settings.tcpPort() >= 0) {
            countersFor(TCP);
        }
        if (settings.tlsPort() >= 0) {
            countersFor(TLS);
        }
        if (settings.relpPort() >= 0) {
            countersFor(RELP);
        }
    }

    /** Binds the enabled listeners; throws IllegalStateException naming the address when one cannot bind. */
    public synchronized void start() {
        if (group != null) {
            throw new IllegalStateException("syslog server already started");
        }
        group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("vigil-syslog", true), NioIoHandler.newFactory());
        connections = new DefaultChannelGroup("syslog-tcp", GlobalEventExecutor.INSTANCE);
        try {
            if (settings.udpPort() >= 0) {
                udp = bind(udpBootstrap(), settings.udpPort(), "UDP");
            }
            if (settings.tcpPort() >= 0) {
                tcp = bind(tcpBootstrap(), settings.tcpPort(), "TCP");
            }
            if (settings.relpPort() >= 0) {
                relp = bind(relpBootstrap(), settings.relpPort(), "RELP");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("syslog listening on {} (UDP port {}, TCP port {}, RELP port {})", settings.bindAddress(), udpPort(), tcpPort(),
                relpPort());
    }

    /** The bound UDP port, or -1 when UDP is off or the server is not started. */
    public int udpPort() {
        return port(udp);
    }

    /** The bound TCP port, or -1 when TCP is off or the server is not started. */
    public int tcpPort() {
        return port(tcp);
    }

    /** The bound RELP port, or -1 when RELP is off or the server is not started. */
    public int relpPort() {
        return port(relp);
    }

    /** All transports together. */
    public SyslogCounters counters() {
        return SyslogCounters.sum(countersByTransport.values());
    }

    /** Per transport ("syslog-udp", "syslog-tcp", …), for the transports that are listening or were. */
    public Map<String, SyslogCounters> countersByTransport() {
        return Map.copyOf(countersByTransport);
    }

    /** The counters of one transport; created on first use. */
    SyslogCounters countersFor(String transport) {
        return countersByTransport.computeIfAbsent(transport, name -> new SyslogCounters());
    }

    /**
     * Stops listening and closes the connections, then waits briefly for batches already read
     * (acknowledged to the sender by TCP) to be committed before the event loops stop.
     */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (relp != null) {
            relp.close().syncUninterruptibly();
            relp = null;
        }
        for (Channel listener : new Channel[] {udp, tcp}) {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        }
        connections.close().awaitUninterruptibly();
        awaitPending();
        SyslogCounters counters = counters();
        group.shutdownGracefully(0, DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        group = null;
        udp = null;
        tcp = null;
        log.info("syslog stopped: {} received, {} accepted, {} dead letters ({} oversized), {} rejected, {} connections "
                        + "closed for a bad octet count", counters.received(), counters.accepted(), counters.deadLettered(),
                counters.oversized(), counters.rejected(), counters.connectionsClosed());
    }

    private Bootstrap udpBootstrap() {
        SyslogFrameProcessor frames = new SyslogFrameProcessor(parser, deadLetters, countersFor(UDP), UDP, clock);
        return new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                // Netty reads datagrams into 2 KiB buffers by default, which would cut long messages.
                .option(ChannelOption.RECVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(SyslogUdpHandler.receiveBufferSize(settings.maxFrameLength())))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast("intake",
                                new SyslogUdpHandler(frames, submitter(channel, frames, settings.udpRetryFor()), settings.maxFrameLength()));
                    }
                });
    }

    private ServerBootstrap tcpBootstrap() {
        SyslogFrameProcessor frames = new SyslogFrameProcessor(parser, deadLetters, countersFor(TCP), TCP, clock);
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast("framer", new SyslogFrameDecoder(settings.maxFrameLength()))
                                .addLast("intake", new SyslogTcpHandler(frames, submitter(channel, frames, null)));
                    }
                });
    }

    /** Like TCP, with the RELP framer and a session that acknowledges each message once it is committed. */
    private ServerBootstrap relpBootstrap() {
        SyslogFrameProcessor frames = new SyslogFrameProcessor(parser, deadLetters, countersFor(RELP), RELP, clock);
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast("framer", new RelpFrameDecoder(settings.maxFrameLength()))
                                .addLast("intake", new RelpSessionHandler(frames, submitter(channel, frames, null)));
                    }
                });
    }

    /** @param giveUpAfter null to retry until the intake takes a batch (TCP) */
    private SyslogBatchSubmitter submitter(Channel channel, SyslogFrameProcessor frames, Duration giveUpAfter) {
        return new SyslogBatchSubmitter(channel, intake, frames.counters(), settings.maxBatchSize(),
                settings.maxInFlightBatches(), giveUpAfter);
    }

    private Channel bind(AbstractBootstrap<?, ?> bootstrap, int port, String protocol) {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), port);
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot bind syslog " + protocol + " to " + settings.bindAddress() + ":" + port
                    + ": " + bound.cause().getMessage(), bound.cause());
        }
        return bound.channel();
    }

    private void awaitPending() {
        long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
        while (counters().pending() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long pending = counters().pending();
        if (pending > 0) {
            log.warn("syslog stopped with {} events read but not committed", pending);
        }
    }

    private static int port(Channel channel) {
        return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
    }
}
