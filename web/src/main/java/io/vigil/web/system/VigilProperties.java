package io.vigil.web.system;

import io.vigil.intake.http.EventLimits;
import io.vigil.intake.syslog.SyslogSettings;
import io.vigil.intake.syslog.SyslogTlsSettings;
import io.vigil.notify.DispatcherSettings;
import io.vigil.notify.channel.MailSettings;
import io.vigil.session.EngineSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything Vigil itself is configured with, under {@code vigil.*}. Environment variables map by
 * Spring's relaxed binding: VIGIL_DB_URL → vigil.db.url, VIGIL_ADMIN_PASSWORD →
 * vigil.admin.password, VIGIL_SYSLOG_UDPPORT → vigil.syslog.udp-port, and so on.
 *
 * @param db         the database; a blank url starts the embedded MariaDB with its files in {@code embeddedDir}
 * @param admin      the first start's admin password (blank: a generated one is logged once and written to
 *                   {@code initialPasswordDir/initial-admin-password})
 * @param syslog     syslog listener ports (0 picks a free port, -1 turns the listener off) and the
 *                   longest frame accepted
 * @param escalation how long an incident may wait for acknowledgement before it escalates
 * @param engine     the bounded queue between the journal and the engine thread
 * @param intake     limits of the REST intake
 * @param mail       the SMTP server notifications are e-mailed through
 * @param notifications how notifications are delivered: console links, retry backoff
 */
@ConfigurationProperties("vigil")
public record VigilProperties(@DefaultValue Db db, @DefaultValue Admin admin, @DefaultValue Syslog syslog,
                              @DefaultValue Escalation escalation, @DefaultValue Engine engine,
                              @DefaultValue Intake intake, @DefaultValue Mail mail,
                              @DefaultValue Notifications notifications) {

    public record Db(String url, @DefaultValue("root") String user, String password,
                     @DefaultValue("data/mariadb") Path embeddedDir) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Admin(String password, @DefaultValue("data") Path initialPasswordDir) {
    }

    /**
     * @param maxFrame the longest syslog message (frame) accepted; longer ones become dead letters.
     *                 65 KiB: a 64 KiB message plus its header, as large as a UDP datagram can be
     *                 (rsyslog sends at most 8 KiB by default, syslog-ng 64 KiB)
     * @param udpQueue the memory UDP datagrams may take while they wait to be parsed and journaled;
     *                 beyond it they are dropped and counted as rejected
     * @param udpBuffer the kernel receive buffer asked for each UDP socket (capped by the kernel's
     *                 {@code net.core.rmem_max}; the start log says what was granted)
     */
    public record Syslog(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5514") int udpPort,
                         @DefaultValue("5514") int tcpPort, @DefaultValue("6514") int tlsPort,
                         @DefaultValue("2514") int relpPort, @DefaultValue("false") boolean relpTls,
                         @DefaultValue Tls tls, @DefaultValue("65KB") DataSize maxFrame,
                         @DefaultValue("64MB") DataSize udpQueue,
                         @DefaultValue("32MB") DataSize udpBuffer) {

        public Syslog {
            requireBetween(maxFrame, SyslogSettings.MIN_FRAME_LENGTH, EventLimits.MAX_EVENT_BYTES_CEILING,
                    "vigil.syslog.max-frame (VIGIL_SYSLOG_MAXFRAME)");
            requireBetween(udpQueue, SyslogSettings.MIN_UDP_QUEUE_BYTES, SyslogSettings.MAX_UDP_QUEUE_BYTES,
                    "vigil.syslog.udp-queue (VIGIL_SYSLOG_UDPQUEUE)");
            requireBetween(udpBuffer, SyslogSettings.MIN_UDP_RECEIVE_BUFFER_BYTES, SyslogSettings.MAX_UDP_RECEIVE_BUFFER_BYTES,
                    "vigil.syslog.udp-buffer (VIGIL_SYSLOG_UDPBUFFER)");
        }

        public int maxFrameBytes() {
            return (int) maxFrame.toBytes();
        }

        /** How the syslog server listens, as the engine's settings. */
        public SyslogSettings settings() {
            return new SyslogSettings(bindAddress, udpPort, tcpPort)
                    .withTls(tlsPort, tls.settings())
                    .withRelp(relpPort, relpTls)
                    .withMaxFrameLength(maxFrameBytes())
                    .withUdpQueue(udpQueue.toBytes())
                    .withUdpReceiveBuffer((int) udpBuffer.toBytes());
        }
    }

    /**
     * The certificate of the syslog TLS listener (and of RELP with {@code relp-tls}), and client
     * authentication. VIGIL_SYSLOG_TLS_CERTIFICATE (PEM or PKCS#12), VIGIL_SYSLOG_TLS_KEY (PEM, with a
     * PEM certificate), VIGIL_SYSLOG_TLS_PASSWORD, VIGIL_SYSLOG_TLS_CLIENTCA (PEM bundle: clients must
     * then present a certificate it signed), VIGIL_SYSLOG_TLS_ALLOWEDCLIENTS (subject DNs, names or
     * {@code *.domain}, separated by semicolons because a DN holds commas), VIGIL_SYSLOG_TLS_GENERATEDDIR (where a self-signed certificate
     * is generated on first start when none is configured).
     */
    public record Tls(Path certificate, Path key, String password, Path clientCa, String allowedClients,
                      @DefaultValue("data/tls") Path generatedDir) {

        public SyslogTlsSettings settings() {
            List<String> allowed = allowedClients == null ? List.of() : List.of(allowedClients.split(";"));
            return new SyslogTlsSettings(certificate, key, password, clientCa, allowed, generatedDir);
        }
    }

    /**
     * @param after        how long an incident no escalation policy covers may wait for acknowledgement
     *                     before its level rises (policies set their own delays)
     * @param closeResolved how long a resolved incident waits for someone to close it before the engine does
     */
    public record Escalation(@DefaultValue("15m") Duration after, @DefaultValue("1d") Duration closeResolved) {
    }

    /**
     * The SMTP server for e-mail notifications (VIGIL_MAIL_HOST, VIGIL_MAIL_PORT, VIGIL_MAIL_STARTTLS,
     * VIGIL_MAIL_USERNAME, VIGIL_MAIL_PASSWORD, VIGIL_MAIL_FROM). STARTTLS {@code optional} uses it when
     * the server offers it; {@code required} refuses a server that does not; {@code off} never uses it.
     */
    public record Mail(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                       @DefaultValue("optional") MailSettings.StartTls starttls, String username, String password,
                       @DefaultValue("vigil@localhost") String from, @DefaultValue("10s") Duration timeout) {

        public MailSettings settings() {
            MailSettings settings = new MailSettings(host, port, starttls, null, null, from, timeout, timeout);
            return username == null || username.isBlank() ? settings : settings.withLogin(username, password);
        }

        @Override
        public String toString() {
            return "Mail[" + settings() + "]";
        }
    }

    /**
     * @param consoleUrl   the console's address as people reach it, for links in notifications
     *                     (VIGIL_NOTIFICATIONS_CONSOLEURL); blank leaves links out
     * @param firstRetry   the wait after a failed delivery; it doubles with each failure…
     * @param maxRetry     …up to this; delivery is retried until it succeeds
     */
    public record Notifications(@DefaultValue("http://localhost:8080") String consoleUrl, @DefaultValue("2s") Duration firstRetry,
                         @DefaultValue("10m") Duration maxRetry) {

        public DispatcherSettings dispatcherSettings() {
            return new DispatcherSettings(DispatcherSettings.DEFAULTS.pollInterval(), DispatcherSettings.DEFAULTS.batchSize(),
                    firstRetry, maxRetry);
        }
    }

    /**
     * @param queueCapacity events journaled and waiting for the engine before intake pushes back
     * @param batchSize     at most this many events per engine turn (one fire, one published batch)
     * @param fireBudget    how long the rules of one turn may fire before they count as running away
     *                      (the engine then rolls back to the version active before)
     * @param linger        how long a turn may wait for more events once its first is there (0 to 1s):
     *                      fewer, larger turns when events come in small commits
     */
    public record Engine(@DefaultValue("100000") int queueCapacity, @DefaultValue("5000") int batchSize,
                         @DefaultValue("30s") Duration fireBudget, @DefaultValue("5ms") Duration linger) {

        public Engine {
            if (linger.isNegative() || linger.compareTo(EngineSettings.MAX_LINGER) > 0) {
                throw new IllegalArgumentException("vigil.engine.linger (VIGIL_ENGINE_LINGER) must be 0 to "
                        + EngineSettings.MAX_LINGER.toMillis() + "ms, got " + linger.toMillis() + "ms");
            }
        }
    }

    /**
     * @param maxBody  the largest POST /api/v1/events body read; 10,000 events of 64 KiB would be
     *                 640 MiB, far more than anyone should buffer, so bigger bodies get a 413
     * @param maxEvent the largest posted event (its JSON text, stored verbatim in the journal); a
     *                 request with a bigger one gets a 413 naming it (see {@link EventLimits})
     * @param commitTimeout how long a request waits for its journal commit before it is answered 503
     *                 "outcome unknown" (below the 60 s async request timeout, so the answer is ours)
     */
    public record Intake(@DefaultValue("64MB") DataSize maxBody, @DefaultValue("1MB") DataSize maxEvent,
                         @DefaultValue("20s") Duration commitTimeout) {

        public Intake {
            requireBetween(maxEvent, EventLimits.MIN_EVENT_BYTES, EventLimits.MAX_EVENT_BYTES_CEILING,
                    "vigil.intake.max-event (VIGIL_INTAKE_MAXEVENT)");
        }

        public int maxEventBytes() {
            return (int) maxEvent.toBytes();
        }

        /** The limits every posted event is held to, whichever format it came in. */
        public EventLimits eventLimits() {
            return new EventLimits(EventLimits.DEFAULT.maxEventsPerRequest(), maxEventBytes());
        }
    }

    private static void requireBetween(DataSize size, long min, long max, String name) {
        if (size.toBytes() < min || size.toBytes() > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + " bytes, got " + size.toBytes());
        }
    }
}
