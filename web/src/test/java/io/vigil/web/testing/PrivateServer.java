package io.vigil.web.testing;

import io.vigil.testing.TestDatabase;
import io.vigil.web.VigilApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole server on a database of the test's own, for tests that restart it or change what every
 * other test relies on (the admin bootstrap, the active rule set). The admin has
 * {@link TestServer#ADMIN_PASSWORD}; syslog is off unless {@code settings} turn it on.
 */
public final class PrivateServer {

    private PrivateServer() {
    }

    /** @param settings property to value, replacing the defaults above (e.g. {@code vigil.syslog.tcp-port=0}) */
    public static ConfigurableApplicationContext start(TestDatabase db, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("vigil.db.url", db.jdbcUrl());
        all.put("vigil.db.user", db.user());
        all.put("vigil.db.password", db.password());
        all.put("vigil.admin.password", TestServer.ADMIN_PASSWORD);
        for (String transport : new String[]{"udp", "tcp", "tls", "relp"}) {
            all.put("vigil.syslog." + transport + "-port", "-1");
        }
        all.putAll(settings);
        return new SpringApplicationBuilder(VigilApplication.class).run(all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
