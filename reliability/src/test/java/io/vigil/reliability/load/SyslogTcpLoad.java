package io.vigil.reliability.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One syslog sender over TCP (LF-terminated RFC 5424 lines) at a bounded pace, reconnecting when
 * the server goes away. Syslog has no acknowledgement, so a line counts as written once the
 * socket took it; lines in the socket buffers when the server is killed may be lost, and are
 * reported, not judged.
 */
public final class SyslogTcpLoad implements AutoCloseable {

    private final int port;
    private final LoadEvents generator;
    private final Duration interval;
    private final long maxLines;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Thread sender;
    private volatile boolean stopping;
    private volatile Socket socket;

    public SyslogTcpLoad(int port, LoadEvents generator, int linesPerSecond, long maxLines) {
        this.port = port;
        this.generator = generator;
        this.interval = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / linesPerSecond);
        this.maxLines = maxLines;
        this.sender = new Thread(this::send, "syslog-tcp-load");
        sender.setDaemon(true);
        sender.start();
    }

    /** Lines the socket took. */
    public long written() {
        return written.get();
    }

    /** Lines whose write failed (the server went away meanwhile); not retried. */
    public long failedWrites() {
        return failedWrites.get();
    }

    public long connections() {
        return connections.get();
    }

    /** Stops sending; a sender blocked by back-pressure is released by closing its socket. */
    public void stop() {
        stopping = true;
        try {
            sender.join(2_000);
            closeSocket();
            sender.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void send() {
        long next = System.nanoTime();
        while (!stopping && written.get() + failedWrites.get() < maxLines) {
            try {
                OutputStream out = connected();
                String marker = generator.nextTcpMarker();
                try {
                    out.write(LoadEvents.syslogLine(marker).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    written.incrementAndGet();
                } catch (IOException e) {
                    failedWrites.incrementAndGet();
                    throw e;
                }
            } catch (IOException e) {
                closeSocket();
                sleep(250);
            }
            next += interval.toNanos();
            long ahead = next - System.nanoTime();
            if (ahead > 0) {
                sleep(TimeUnit.NANOSECONDS.toMillis(ahead));
            } else {
                next = System.nanoTime();
            }
        }
        closeSocket();
    }

    private OutputStream connected() throws IOException {
        Socket current = socket;
        if (current == null || current.isClosed()) {
            current = new Socket(InetAddress.getLoopbackAddress(), port);
            current.setTcpNoDelay(true);
            socket = current;
            connections.incrementAndGet();
        }
        return current.getOutputStream();
    }

    private void closeSocket() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
