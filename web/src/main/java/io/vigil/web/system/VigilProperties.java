package io.vigil.web.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything Vigil itself is configured with, under {@code vigil.*}. Environment variables map by
 * Spring's relaxed binding: VIGIL_DB_URL → vigil.db.url, VIGIL_ADMIN_PASSWORD →
 * vigil.admin.password, VIGIL_SYSLOG_UDPPORT → vigil.syslog.udp-port, and so on.
 *
 * @param db         the database; a blank url starts the embedded MariaDB with its files in {@code embeddedDir}
 * @param admin      the first start's admin password (blank: a generated one is logged once and written to
 *                   {@code initialPasswordDir/initial-admin-password})
 * @param syslog     syslog listener ports: 0 picks a free port, -1 turns the listener off
 * @param escalation how long an incident may wait for acknowledgement before it escalates
 * @param engine     the bounded queue between the journal and the engine thread
 * @param intake     limits of the REST intake
 */
@ConfigurationProperties("vigil")
public record VigilProperties(@DefaultValue Db db, @DefaultValue Admin admin, @DefaultValue Syslog syslog,
                              @DefaultValue Escalation escalation, @DefaultValue Engine engine,
                              @DefaultValue Intake intake) {

    public record Db(String url, @DefaultValue("root") String user, String password,
                     @DefaultValue("data/mariadb") Path embeddedDir) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Admin(String password, @DefaultValue("data") Path initialPasswordDir) {
    }

    public record Syslog(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5514") int udpPort,
                         @DefaultValue("5514") int tcpPort) {
    }

    public record Escalation(@DefaultValue("15m") Duration after) {
    }

    public record Engine(@DefaultValue("100000") int queueCapacity) {
    }

    /**
     * @param maxBody       the largest POST /api/v1/events body read; 10,000 events of 64 KiB would be
     *                      640 MiB, far more than anyone should buffer, so bigger bodies get a 413
     * @param commitTimeout how long a request waits for its journal commit before it is answered 503
     *                      "outcome unknown" (below the 60 s async request timeout, so the answer is ours)
     */
    public record Intake(@DefaultValue("64MB") DataSize maxBody, @DefaultValue("20s") Duration commitTimeout) {
    }
}
