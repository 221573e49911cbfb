package io.vigil.intake.syslog;

import io.vigil.intake.http.EventLimits;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How the syslog server listens.
 *
 * @param bindAddress        the address both listeners bind to
 * @param udpPort            0 picks a free port, -1 disables UDP
 * @param tcpPort            0 picks a free port, -1 disables TCP
 * @param tlsPort            syslog over TLS (RFC 5425, octet-counted); 0 picks a free port, -1 disables it
 * @param relpPort           RELP (rsyslog's acknowledged protocol); 0 picks a free port, -1 disables it
 * @param tls                the certificate, key and client authentication of the TLS listener (and of
 *                           RELP when {@code relpTls})
 * @param relpTls            RELP inside TLS (rsyslog {@code omrelp tls="on"}) with the same {@code tls}
 * @param maxFrameLength     the longest message accepted, in bytes: a longer one is a dead letter
 *                           (with its first bytes), never a journal entry; at most
 *                           {@link EventLimits#MAX_EVENT_BYTES_CEILING}, the bound on any event's raw text
 * @param maxBatchSize       the most events handed to the intake at once
 * @param maxInFlightBatches per connection (one for all of UDP): batches submitted but not yet
 *                           committed; beyond it reading pauses, so a fast sender cannot make
 *                           the server queue unbounded memory
 * @param udpRetryFor        how long a UDP batch is retried while the intake refuses it before it
 *                           is counted as rejected (UDP cannot push back on its sender)
 * @param rfc3164Zone        the zone RFC 3164 timestamps are read in (they carry none)
 * @param udpQueueBytes      the memory UDP datagrams may take while they wait to be parsed and
 *                           journaled (a burst waits there instead of in the kernel's buffer);
 *                           beyond it datagrams are dropped and counted as rejected
 * @param udpReceiveBufferBytes the kernel receive buffer asked for each UDP socket (SO_RCVBUF): what
 *                           absorbs datagrams while the receive threads are not running (a pause,
 *                           another process on the core); Linux grants at most twice
 *                           {@code net.core.rmem_max}
 */
public record SyslogSettings(String bindAddress, int udpPort, int tcpPort, int tlsPort, int relpPort,
                             SyslogTlsSettings tls, boolean relpTls, int maxFrameLength, int maxBatchSize,
                             int maxInFlightBatches, Duration udpRetryFor, ZoneId rfc3164Zone,
                             long udpQueueBytes, int udpReceiveBufferBytes) {

    public static final int DEFAULT_PORT = 5514;
    /** RFC 5425's port is 6514; Vigil uses it as is (it is above 1024). */
    public static final int DEFAULT_TLS_PORT = 6514;
    /** rsyslog's examples use 2514 for RELP (it has no assigned port). */
    public static final int DEFAULT_RELP_PORT = 2514;
    /** A 64 KiB message plus room for the header. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 + 1024;
    /** What every receiver must accept (RFC 5424 section 6.1). */
    public static final int MIN_FRAME_LENGTH = 480;
    /** About 200,000 datagrams of 300 bytes; rsyslog's main queue holds 100,000 messages by default. */
    public static final long DEFAULT_UDP_QUEUE_BYTES = 64L * 1024 * 1024;
    public static final long MIN_UDP_QUEUE_BYTES = 1024L * 1024;
    public static final long MAX_UDP_QUEUE_BYTES = 2048L * 1024 * 1024;
    /** Asked for by default; kernels cap it (Debian: 208 KiB unless net.core.rmem_max is raised). */
    public static final int DEFAULT_UDP_RECEIVE_BUFFER_BYTES = 32 * 1024 * 1024;
    public static final int MIN_UDP_RECEIVE_BUFFER_BYTES = 64 * 1024;
    public static final int MAX_UDP_RECEIVE_BUFFER_BYTES = 1024 * 1024 * 1024;

    public SyslogSettings {
        requirePort(udpPort, "udp");
        requirePort(tcpPort, "tcp");
        requirePort(tlsPort, "tls");
        requirePort(relpPort, "relp");
        if (tls == null && (tlsPort >= 0 || relpTls && relpPort >= 0)) {
            throw new IllegalArgumentException("syslog over TLS needs TLS settings (a certificate or a directory to "
                    + "generate one in)");
        }
        if (maxFrameLength < MIN_FRAME_LENGTH || maxFrameLength > EventLimits.MAX_EVENT_BYTES_CEILING) {
            throw new IllegalArgumentException("syslog max frame length must be " + MIN_FRAME_LENGTH + " (RFC 5424) to "
                    + EventLimits.MAX_EVENT_BYTES_CEILING + " bytes, got " + maxFrameLength);
        }
        if (udpQueueBytes < MIN_UDP_QUEUE_BYTES || udpQueueBytes > MAX_UDP_QUEUE_BYTES) {
            throw new IllegalArgumentException("syslog UDP queue must be 1MB to 2GB, got " + udpQueueBytes + " bytes");
        }
        if (udpReceiveBufferBytes < MIN_UDP_RECEIVE_BUFFER_BYTES || udpReceiveBufferBytes > MAX_UDP_RECEIVE_BUFFER_BYTES) {
            throw new IllegalArgumentException("syslog UDP receive buffer must be 64KB to 1GB, got " + udpReceiveBufferBytes
                    + " bytes");
        }
        if (maxBatchSize < 1 || maxInFlightBatches < 1) {
            throw new IllegalArgumentException("syslog batch size and in-flight batches must be at least 1, got "
                    + maxBatchSize + " and " + maxInFlightBatches);
        }
    }

    /** Defaults for everything but the addresses; TLS and RELP off. */
    public SyslogSettings(String bindAddress, int udpPort, int tcpPort) {
        this(bindAddress, udpPort, tcpPort, -1, -1, null, false, DEFAULT_MAX_FRAME_LENGTH, 1_000, 8,
                Duration.ofMillis(500), ZoneId.systemDefault(), DEFAULT_UDP_QUEUE_BYTES,
                DEFAULT_UDP_RECEIVE_BUFFER_BYTES);
    }

    /** Plain UDP and TCP with the given batching, TLS and RELP off. */
    public SyslogSettings(String bindAddress, int udpPort, int tcpPort, int maxFrameLength, int maxBatchSize,
                          int maxInFlightBatches, Duration udpRetryFor, ZoneId rfc3164Zone) {
        this(bindAddress, udpPort, tcpPort, -1, -1, null, false, maxFrameLength, maxBatchSize, maxInFlightBatches,
                udpRetryFor, rfc3164Zone, DEFAULT_UDP_QUEUE_BYTES,
                DEFAULT_UDP_RECEIVE_BUFFER_BYTES);
    }

    public SyslogSettings withMaxFrameLength(int length) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, relpPort, tls, relpTls, length, maxBatchSize,
                maxInFlightBatches, udpRetryFor, rfc3164Zone, udpQueueBytes, udpReceiveBufferBytes);
    }

    /** @param port -1 turns the TLS listener off */
    public SyslogSettings withTls(int port, SyslogTlsSettings settings) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, port, relpPort, settings, relpTls, maxFrameLength,
                maxBatchSize, maxInFlightBatches, udpRetryFor, rfc3164Zone, udpQueueBytes, udpReceiveBufferBytes);
    }

    /** @param port -1 turns RELP off; {@code overTls} needs {@link #tls()} */
    public SyslogSettings withRelp(int port, boolean overTls) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, port, tls, overTls, maxFrameLength,
                maxBatchSize, maxInFlightBatches, udpRetryFor, rfc3164Zone, udpQueueBytes, udpReceiveBufferBytes);
    }

    /** @param bytes the memory datagrams may take while they wait to be journaled */
    public SyslogSettings withUdpQueue(long bytes) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, relpPort, tls, relpTls, maxFrameLength,
                maxBatchSize, maxInFlightBatches, udpRetryFor, rfc3164Zone, bytes, udpReceiveBufferBytes);
    }

    /** @param bytes the kernel receive buffer to ask for each UDP socket */
    public SyslogSettings withUdpReceiveBuffer(int bytes) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, tlsPort, relpPort, tls, relpTls, maxFrameLength,
                maxBatchSize, maxInFlightBatches, udpRetryFor, rfc3164Zone, udpQueueBytes, bytes);
    }

    private static void requirePort(int port, String name) {
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException("syslog " + name + " port must be -1 (off), 0 (any free) or 1-65535, got "
                    + port);
        }
    }
}
