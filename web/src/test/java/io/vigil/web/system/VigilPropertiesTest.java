package io.vigil.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VigilPropertiesTest {

    @Test
    void shouldDefaultToEmbeddedDatabaseAndStandardPorts() {
        VigilProperties properties = bind(new Binder(new MapConfigurationPropertySource(Map.of())));

        assertThat(properties.db().embedded()).isTrue();
        assertThat(properties.db().embeddedDir()).isEqualTo(Path.of("data/mariadb"));
        assertThat(properties.syslog().udpPort()).isEqualTo(5514);
        assertThat(properties.syslog().tcpPort()).isEqualTo(5514);
        assertThat(properties.escalation().after()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.intake().maxBody()).isEqualTo(DataSize.ofMegabytes(64));
    }

    @Test
    void shouldBindEnvironmentVariablesByRelaxedNames() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.<String, Object>of(
                "VIGIL_DB_URL", "jdbc:mariadb://db:3306/vigil", "VIGIL_ADMIN_PASSWORD", "s3cret-pass",
                "VIGIL_SYSLOG_UDPPORT", "-1", "VIGIL_ESCALATION_AFTER", "3s")));

        VigilProperties properties = bind(new Binder(ConfigurationPropertySources.from(sources)));

        assertThat(properties.db().embedded()).isFalse();
        assertThat(properties.db().url()).isEqualTo("jdbc:mariadb://db:3306/vigil");
        assertThat(properties.admin().password()).isEqualTo("s3cret-pass");
        assertThat(properties.syslog().udpPort()).isEqualTo(-1);
        assertThat(properties.escalation().after()).isEqualTo(Duration.ofSeconds(3));
    }

    private static VigilProperties bind(Binder binder) {
        return binder.bindOrCreate("vigil", VigilProperties.class);
    }
}
