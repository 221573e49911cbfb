package io.vigil.web.testing;

import io.vigil.store.access.Role;
import io.vigil.testing.TestDatabase;
import io.vigil.web.system.PipelineLifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * A whole server for one test class on a database of its own: created before the class (the
 * context reads its URL when it starts, after that), the pipeline stopped and the database dropped
 * after it. Tests get an {@link ApiClient} and one API token per role. Test classes run one after
 * another, so the current class's database can be kept in a static field.
 */
@ServerTest
public abstract class ServerTestSupport {

    private static TestDatabase database;
    private static Map<Role, Auth> tokens;

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    /** Read when the context starts, which is after {@link #createDatabase}. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("vigil.db.url", () -> database.jdbcUrl());
        registry.add("vigil.db.user", () -> database.user());
        registry.add("vigil.db.password", () -> database.password());
        registry.add("vigil.admin.password", () -> TestServer.ADMIN_PASSWORD);
        registry.add("vigil.syslog.udp-port", () -> "0");
        registry.add("vigil.syslog.tcp-port", () -> "0");
        registry.add("vigil.syslog.tls-port", () -> "-1");
        registry.add("vigil.syslog.relp-port", () -> "0");
    }

    @BeforeAll
    static void createDatabase(TestInfo test) {
        String name = test.getTestClass().map(Class::getSimpleName).orElse("server").toLowerCase(Locale.ROOT);
        database = TestDatabase.create("web_" + name.substring(0, Math.min(name.length(), 30)));
        tokens = null;
    }

    /** Stops the pipeline first so that no writer is busy when the database goes away. */
    @AfterAll
    static void dropDatabase(ApplicationContext context) {
        context.getBean(PipelineLifecycle.class).stop();
        database.drop();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        if (tokens == null) {
            tokens = TestServer.tokens(api);
        }
    }

    protected static TestDatabase database() {
        return database;
    }

    /** The bearer token issued for {@code role}. */
    protected static Auth token(Role role) {
        return tokens.get(role);
    }
}
