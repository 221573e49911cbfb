package io.vigil.intake.syslog;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vigil.intake.DeadLetterStore;
import io.vigil.intake.EventIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Receives syslog over UDP, TCP, TLS and RELP (Netty) and hands the events to the
 * {@link EventIntake}; what cannot be parsed goes to the {@link DeadLetterStore}, and the server
 * keeps going.
 *
 * <p>Stream pipelines ({@link #streamBootstrap}): for TLS {@code tls} (SslHandler) and {@code gate}
 * ({@link TlsClientGate}) first, then {@code framer} ({@link SyslogFrameDecoder}, or
 * {@link RelpFrameDecoder} for RELP) → {@code intake} ({@link SyslogTcpHandler}, or
 * {@link RelpSessionHandler}, which acknowledges each message once it is committed).
 */
public final class SyslogServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyslogServer.class);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(5);
    private static final int UDP_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    private static final int DATAGRAMS_PER_READ = 16;
    private static final int UDP_READS_PER_WAKEUP = 64;
    private static final int UDP_IN_FLIGHT_FACTOR = 4;
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
    private volatile Channel udp;
    private List<Channel> udpChannels = List.of();
    private EventLoopGroup udpGroup;
    private EventExecutor udpIntakeThread;
    private volatile SyslogUdpQueue udpQueue;
    private volatile Channel tcp;
    private volatile Channel tlsListener;
    private volatile Channel relp;
    private SyslogTls tls;

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
        if (settings.tlsPort() >= 0 || settings.relpTls() && settings.relpPort() >= 0) {
            // Before any listener binds: a certificate problem stops the start with the file and the reason.
            tls = SyslogTls.load(settings.tls());
        }
        group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("vigil-syslog", true), NioIoHandler.newFactory());
        connections = new DefaultChannelGroup("syslog-tcp", GlobalEventExecutor.INSTANCE);
        try {
            if (settings.udpPort() >= 0) {
                udpChannels = bindUdp();
                udp = udpChannels.get(0);
            }
            if (settings.tcpPort() >= 0) {
                tcp = bind(streamBootstrap(TCP, false, SyslogFrameDecoder::new, SyslogTcpHandler::new),
                        settings.tcpPort(), "TCP");
            }
            if (settings.tlsPort() >= 0) {
                tlsListener = bind(streamBootstrap(TLS, true, SyslogFrameDecoder::new, SyslogTcpHandler::new),
                        settings.tlsPort(), "TLS");
            }
            if (settings.relpPort() >= 0) {
                relp = bind(streamBootstrap(RELP, settings.relpTls(), RelpFrameDecoder::new, RelpSessionHandler::new),
                        settings.relpPort(), "RELP");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("syslog listening on {} (UDP port {}, TCP port {}, TLS port {}, RELP port {}{})", settings.bindAddress(),
                udpPort(), tcpPort(), tlsPort(), relpPort(), settings.relpTls() ? " over TLS" : "");
    }

    /** The bound UDP port, or -1 when UDP is off or the server is not started. */
    public int udpPort() {
        return port(udp);
    }

    /**
     * The receive buffer the kernel granted each UDP socket, in bytes (Linux reports twice what it
     * grants the data, the rest being its own bookkeeping), or -1 when UDP is off or not started.
     */
    public int udpReceiveBufferBytes() {
        Channel channel = udp;
        return channel == null ? -1 : ((DatagramChannel) channel).config().getReceiveBufferSize();
    }

    /** The bound TCP port, or -1 when TCP is off or the server is not started. */
    public int tcpPort() {
        return port(tcp);
    }

    /**
     * Datagrams the kernel dropped on the UDP port because the receive buffer was full (Linux;
     * -1 where the system does not say, or when UDP is off).
     */
    public long udpKernelDrops() {
        return UdpKernelDrops.forPort(udpPort());
    }

    /** The memory UDP datagrams waiting to be parsed and journaled take now (0 when UDP is off). */
    public long udpQueuedBytes() {
        SyslogUdpQueue queue = udpQueue;
        return queue == null ? 0 : queue.queuedBytes();
    }

    /** The bound TLS port, or -1 when TLS is off or the server is not started. */
    public int tlsPort() {
        return port(tlsListener);
    }

    /** The TLS set-up (certificate, fingerprint) when a TLS listener runs, else null. */
    public SyslogTls tls() {
        return tls;
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
        for (Channel listener : new Channel[] {tcp, tlsListener, relp}) {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        }
        for (Channel channel : udpChannels) {
            channel.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        awaitPending();
        SyslogCounters counters = counters();
        if (counters.queued() > 0) {
            log.warn("syslog stopped with {} UDP datagrams still queued: they are given up", counters.queued());
        }
        group.shutdownGracefully(0, DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        if (udpGroup != null) {
            udpGroup.shutdownGracefully(0, DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
            udpGroup = null;
        }
        if (udpIntakeThread != null) {
            udpIntakeThread.shutdownGracefully(0, DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
            udpIntakeThread = null;
            udpQueue = null;
        }
        udpChannels = List.of();
        group = null;
        udp = null;
        tcp = null;
        tlsListener = null;
        relp = null;
        log.info("syslog stopped: {} received, {} accepted, {} dead letters ({} oversized), {} rejected, {} connections "
                        + "closed for a bad octet count", counters.received(), counters.accepted(), counters.deadLettered(),
                counters.oversized(), counters.rejected(), counters.connectionsClosed());
    }

    /**
     * UDP on Linux: one socket per receive thread on the same port (SO_REUSEPORT, the kernel spreads
     * senders over them), each reading up to {@link #DATAGRAMS_PER_READ} datagrams per system call
     * (recvmmsg). Elsewhere one NIO socket. Either way the receive threads only copy datagrams into
     * the {@link SyslogUdpQueue}; its own thread parses them and hands them to the journal in batches.
     */
    private List<Channel> bindUdp() {
        SyslogFrameProcessor frames = new SyslogFrameProcessor(parser, deadLetters, countersFor(UDP), UDP, clock);
        udpIntakeThread = new DefaultEventExecutor(new DefaultThreadFactory("vigil-udp-intake", true));
        // UDP cannot push back: a paused intake only moves the loss into the queue, so more batches may
        // wait for their commit than on a TCP connection (still bounded).
        SyslogUdpQueue queue = new SyslogUdpQueue(settings.udpQueueBytes(), udpIntakeThread, frames,
                settings.maxFrameLength(), settings.maxBatchSize(), feed -> submitter(feed, frames,
                settings.maxInFlightBatches() * UDP_IN_FLIGHT_FACTOR, settings.udpRetryFor()));
        udpQueue = queue;
        int datagramSize = SyslogUdpHandler.receiveBufferSize(settings.maxFrameLength());
        boolean native_ = Epoll.isAvailable();
        Bootstrap bootstrap = new Bootstrap()
                .option(ChannelOption.SO_RCVBUF, settings.udpReceiveBufferBytes())
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast("intake", new SyslogUdpHandler(queue, settings.maxFrameLength(), clock));
                    }
                });
        int sockets = 1;
        if (native_) {
            udpGroup = new MultiThreadIoEventLoopGroup(UDP_THREADS, new DefaultThreadFactory("vigil-syslog-udp", true),
                    EpollIoHandler.newFactory());
            sockets = UDP_THREADS;
            bootstrap.group(udpGroup).channel(EpollDatagramChannel.class)
                    .option(EpollChannelOption.SO_REUSEPORT, true)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, datagramSize)
                    // Room for several whole datagrams per read: recvmmsg fills one slot each.
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagramSize * DATAGRAMS_PER_READ)
                            .maxMessagesPerRead(UDP_READS_PER_WAKEUP));
        } else {
            // Netty reads datagrams into 2 KiB buffers by default, which would cut long messages.
            bootstrap.group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.RECVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(datagramSize).maxMessagesPerRead(UDP_READS_PER_WAKEUP));
        }
        List<Channel> bound = new ArrayList<>();
        int port = settings.udpPort();
        for (int i = 0; i < sockets; i++) {
            Channel channel = bind(bootstrap, port, "UDP");
            port = ((InetSocketAddress) channel.localAddress()).getPort();
            bound.add(channel);
        }
        int granted = ((DatagramChannel) bound.get(0)).config().getReceiveBufferSize();
        int asked = settings.udpReceiveBufferBytes();
        // Linux grants min(asked, net.core.rmem_max) and reports twice that (its bookkeeping counted),
        // with the NIO transport too; other kernels report what they granted.
        boolean doubled = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        boolean capped = granted < (doubled ? 2L * asked : asked);
        log.info("syslog UDP: {} socket(s) ({}), receive buffer {} KiB each as the kernel counts it{}, queue {} MiB",
                sockets, native_ ? "epoll, SO_REUSEPORT, recvmmsg" : "NIO", granted / 1024,
                capped ? " (the kernel's net.core.rmem_max caps it below the " + asked / 1024
                        + " KiB asked for by VIGIL_SYSLOG_UDPBUFFER; raise it to absorb longer pauses)"
                        : " (" + asked / 1024 + " KiB asked for by VIGIL_SYSLOG_UDPBUFFER"
                                + (doubled ? "; Linux counts its bookkeeping too)" : ")"),
                settings.udpQueueBytes() / (1024 * 1024));
        return bound;
    }

    /**
     * A stream listener: TLS in front when {@code overTls} (RFC 5425; the {@link TlsClientGate} checks
     * clients after the handshake), then the transport's framer and session handler. Plain TCP and
     * TLS share the syslog framer, which takes octet-counted and LF-terminated frames; RELP has its
     * own, and acknowledges each message once it is committed.
     */
    private ServerBootstrap streamBootstrap(String transport, boolean overTls, IntFunction<ChannelHandler> framer,
                                            BiFunction<SyslogFrameProcessor, SyslogBatchSubmitter, ChannelHandler> session) {
        SyslogFrameProcessor frames = new SyslogFrameProcessor(parser, deadLetters, countersFor(transport), transport, clock);
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        if (overTls) {
                            channel.pipeline()
                                    .addLast("tls", tls.newHandler(channel.alloc()))
                                    .addLast("gate", new TlsClientGate(tls.clients(), frames.counters()));
                        }
                        channel.pipeline()
                                .addLast("framer", framer.apply(settings.maxFrameLength()))
                                .addLast("intake", session.apply(frames,
                                        submitter(SyslogBatchSubmitter.Feed.of(channel), frames,
                                                settings.maxInFlightBatches(), null)));
                    }
                });
    }

    /** @param giveUpAfter null to retry until the intake takes a batch (TCP) */
    private SyslogBatchSubmitter submitter(SyslogBatchSubmitter.Feed feed, SyslogFrameProcessor frames, int maxInFlight,
                                           Duration giveUpAfter) {
        return new SyslogBatchSubmitter(feed, intake, frames.counters(), settings.maxBatchSize(), maxInFlight,
                giveUpAfter);
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
        while (counters().pending() + counters().queued() > 0 && System.nanoTime() - deadline < 0) {
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
