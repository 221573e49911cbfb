package io.vigil.web.system;

import io.vigil.intake.syslog.SyslogSettings;
import io.vigil.intake.syslog.SyslogTlsSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VigilPropertiesTest {

    @Test
    void shouldDefaultToEmbeddedDatabaseAndStandardPorts() {
        VigilProperties properties = bind(new Binder(new MapConfigurationPropertySource(Map.of())));

        assertThat(properties.db().embedded()).isTrue();
        assertThat(properties.db().embeddedDir()).isEqualTo(Path.of("data/mariadb"));
        assertThat(properties.syslog().udpPort()).isEqualTo(5514);
        assertThat(properties.syslog().tcpPort()).isEqualTo(5514);
        assertThat(properties.syslog().tlsPort()).isEqualTo(6514);
        assertThat(properties.syslog().relpPort()).isEqualTo(2514);
        assertThat(properties.syslog().settings().tls())
                .isEqualTo(SyslogTlsSettings.selfSigned(Path.of("data/tls")));
        assertThat(properties.escalation().after()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.intake().maxBody()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(properties.intake().maxEventBytes()).isEqualTo(1_048_576);
        assertThat(properties.syslog().maxFrameBytes()).isEqualTo(66_560);
        assertThat(properties.syslog().settings().udpQueueBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(properties.syslog().settings().udpReceiveBufferBytes()).isEqualTo(32 * 1024 * 1024);
    }

    @Test
    void shouldBindTheEngineLingerAndRefuseOneBeyondASecondNamingTheVariable() {
        assertThat(bind(environment(Map.of())).engine().linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(bind(environment(Map.of("VIGIL_ENGINE_LINGER", "0"))).engine().linger()).isZero();
        assertThatThrownBy(() -> bind(environment(Map.of("VIGIL_ENGINE_LINGER", "2s"))))
                .rootCause().hasMessage("vigil.engine.linger (VIGIL_ENGINE_LINGER) must be 0 to 1000ms, got 2000ms");
    }

    @Test
    void shouldBindTheUdpQueueFromTheEnvironmentAndRefuseOneOutOfBoundsNamingTheVariable() {
        assertThat(bind(environment(Map.of("VIGIL_SYSLOG_UDPQUEUE", "256MB"))).syslog().settings().udpQueueBytes())
                .isEqualTo(256L * 1024 * 1024);
        assertThatThrownBy(() -> bind(environment(Map.of("VIGIL_SYSLOG_UDPQUEUE", "100KB"))))
                .rootCause().hasMessage("vigil.syslog.udp-queue (VIGIL_SYSLOG_UDPQUEUE) must be 1048576 to 2147483648 bytes, "
                        + "got 102400");
    }

    @Test
    void shouldBindTheUdpReceiveBufferFromTheEnvironmentAndRefuseOneOutOfBoundsNamingTheVariable() {
        assertThat(bind(environment(Map.of("VIGIL_SYSLOG_UDPBUFFER", "256KB"))).syslog().settings().udpReceiveBufferBytes())
                .isEqualTo(256 * 1024);
        assertThatThrownBy(() -> bind(environment(Map.of("VIGIL_SYSLOG_UDPBUFFER", "2GB"))))
                .rootCause().hasMessage("vigil.syslog.udp-buffer (VIGIL_SYSLOG_UDPBUFFER) must be 65536 to 1073741824 bytes, "
                        + "got 2147483648");
    }

    @Test
    void shouldBindTheEventAndFrameLimitsFromTheEnvironment() {
        VigilProperties properties = bind(environment(Map.of("VIGIL_INTAKE_MAXEVENT", "512KB", "VIGIL_SYSLOG_MAXFRAME", "8KB")));

        assertThat(properties.intake().maxEventBytes()).isEqualTo(524_288);
        assertThat(properties.syslog().maxFrameBytes()).isEqualTo(8_192);
    }

    @Test
    void shouldRefuseEventAndFrameLimitsNoJournalRowCouldHoldNamingTheVariable() {
        assertThatThrownBy(() -> bind(environment(Map.of("VIGIL_INTAKE_MAXEVENT", "3MB"))))
                .rootCause().hasMessage("vigil.intake.max-event (VIGIL_INTAKE_MAXEVENT) must be 1024 to 2097152 bytes, got 3145728");
        assertThatThrownBy(() -> bind(environment(Map.of("VIGIL_SYSLOG_MAXFRAME", "100B"))))
                .rootCause().hasMessage("vigil.syslog.max-frame (VIGIL_SYSLOG_MAXFRAME) must be 480 to 2097152 bytes, got 100");
    }

    @Test
    void shouldBindEnvironmentVariablesByRelaxedNames() {
        VigilProperties properties = bind(environment(Map.of(
                "VIGIL_DB_URL", "jdbc:mariadb://db:3306/vigil", "VIGIL_ADMIN_PASSWORD", "s3cret-pass",
                "VIGIL_SYSLOG_UDPPORT", "-1", "VIGIL_ESCALATION_AFTER", "3s")));

        assertThat(properties.db().embedded()).isFalse();
        assertThat(properties.db().url()).isEqualTo("jdbc:mariadb://db:3306/vigil");
        assertThat(properties.admin().password()).isEqualTo("s3cret-pass");
        assertThat(properties.syslog().udpPort()).isEqualTo(-1);
        assertThat(properties.escalation().after()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldBindTheSyslogTlsSettingsFromTheEnvironment() {
        VigilProperties properties = bind(environment(Map.of(
                "VIGIL_SYSLOG_TLSPORT", "16514", "VIGIL_SYSLOG_RELPPORT", "-1", "VIGIL_SYSLOG_RELPTLS", "true",
                "VIGIL_SYSLOG_TLS_CERTIFICATE", "/etc/vigil/server.p12", "VIGIL_SYSLOG_TLS_PASSWORD", "pw",
                "VIGIL_SYSLOG_TLS_CLIENTCA", "/etc/vigil/clients.pem",
                "VIGIL_SYSLOG_TLS_ALLOWEDCLIENTS", "CN=web01,O=Example; *.db.example.com")));

        SyslogSettings settings = properties.syslog().settings();
        assertThat(settings.tlsPort()).isEqualTo(16514);
        assertThat(settings.relpPort()).isEqualTo(-1);
        assertThat(settings.relpTls()).isTrue();
        assertThat(settings.tls()).isEqualTo(new SyslogTlsSettings(Path.of("/etc/vigil/server.p12"), null, "pw",
                Path.of("/etc/vigil/clients.pem"), List.of("CN=web01,O=Example", "*.db.example.com"), Path.of("data/tls")));
    }

    private static Binder environment(Map<String, Object> variables) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", variables));
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    private static VigilProperties bind(Binder binder) {
        return binder.bindOrCreate("vigil", VigilProperties.class);
    }
}
