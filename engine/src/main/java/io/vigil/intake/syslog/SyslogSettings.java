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
 */
public record SyslogSettings(String bindAddress, int udpPort, int tcpPort, int maxFrameLength, int maxBatchSize,
                             int maxInFlightBatches, Duration udpRetryFor, ZoneId rfc3164Zone) {

    public static final int DEFAULT_PORT = 5514;
    /** A 64 KiB message plus room for the header. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 + 1024;
    /** What every receiver must accept (RFC 5424 section 6.1). */
    public static final int MIN_FRAME_LENGTH = 480;

    public SyslogSettings {
        requirePort(udpPort, "udp");
        requirePort(tcpPort, "tcp");
        if (maxFrameLength < MIN_FRAME_LENGTH || maxFrameLength > EventLimits.MAX_EVENT_BYTES_CEILING) {
            throw new IllegalArgumentException("syslog max frame length must be " + MIN_FRAME_LENGTH + " (RFC 5424) to "
                    + EventLimits.MAX_EVENT_BYTES_CEILING + " bytes, got " + maxFrameLength);
        }
        if (maxBatchSize < 1 || maxInFlightBatches < 1) {
            throw new IllegalArgumentException("syslog batch size and in-flight batches must be at least 1, got "
                    + maxBatchSize + " and " + maxInFlightBatches);
        }
    }

    /** Defaults for everything but the addresses. */
    public SyslogSettings(String bindAddress, int udpPort, int tcpPort) {
        this(bindAddress, udpPort, tcpPort, DEFAULT_MAX_FRAME_LENGTH, 1_000, 8, Duration.ofMillis(500),
                ZoneId.systemDefault());
    }

    public SyslogSettings withMaxFrameLength(int length) {
        return new SyslogSettings(bindAddress, udpPort, tcpPort, length, maxBatchSize, maxInFlightBatches, udpRetryFor,
                rfc3164Zone);
    }

    /** 0.0.0.0, UDP and TCP on 5514. */
    public static SyslogSettings defaults() {
        return new SyslogSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_PORT);
    }

    private static void requirePort(int port, String name) {
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException("syslog " + name + " port must be -1 (off), 0 (any free) or 1-65535, got "
                    + port);
        }
    }
}
