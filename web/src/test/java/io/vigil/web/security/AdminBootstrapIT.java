package io.vigil.web.security;

import io.vigil.testing.TestDatabase;
import io.vigil.web.VigilApplication;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first hour, as the README walks it: the first start generates admin's password and keeps it
 * in data/initial-admin-password, which opens the API and disappears once the password is
 * changed; a later start with VIGIL_ADMIN_PASSWORD says once that it is ignored; a first start
 * with a weak VIGIL_ADMIN_PASSWORD stops, naming the rule.
 */
@Tag(ServerTest.TAG)
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    private static final String IGNORED = "VIGIL_ADMIN_PASSWORD is ignored: it only sets admin's password at the first"
            + " start, and users exist already; to change a password use PUT /api/v1/users/{name}/password";

    @TempDir
    Path home;

    @Test
    void shouldKeepTheGeneratedPasswordInAFileUntilItIsChangedAndSayWhenTheVariableIsIgnored(CapturedOutput output)
            throws Exception {
        Path file = home.resolve("data/initial-admin-password");
        try (TestDatabase db = TestDatabase.create("web_bootstrap")) {
            try (ConfigurableApplicationContext first = start(db, "")) {
                String generated = Files.readString(file).strip();
                assertThat(generated).matches("[A-Za-z0-9_-]{24}");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                assertThat(output.getOut()).contains("password: " + generated).contains("It is also in " + file);
                ApiClient api = new ApiClient(port(first));
                assertThat(api.get("/api/v1/users", Auth.basic("admin", generated)).status()).isEqualTo(200);

                Response changed = api.put("/api/v1/users/admin/password", Auth.basic("admin", generated), "application/json",
                        "{\"password\":\"chosen-by-the-newcomer\"}".getBytes(StandardCharsets.UTF_8));

                assertThat(changed.status()).as(changed.body()).isEqualTo(204);
                assertThat(file).doesNotExist();
                assertThat(api.get("/api/v1/users", Auth.basic("admin", generated)).status()).isEqualTo(401);
                assertThat(api.get("/api/v1/users", Auth.basic("admin", "chosen-by-the-newcomer")).status()).isEqualTo(200);
            }
            assertThat(output.getOut()).doesNotContain(IGNORED);

            try (ConfigurableApplicationContext second = start(db, "walkthrough-secret-7")) {
                ApiClient api = new ApiClient(port(second));
                assertThat(api.get("/api/v1/users", Auth.basic("admin", "chosen-by-the-newcomer")).status()).isEqualTo(200);
                assertThat(api.get("/api/v1/users", Auth.basic("admin", "walkthrough-secret-7")).status()).isEqualTo(401);
            }
            assertThat(output.getOut().lines().filter(l -> l.contains(IGNORED))).singleElement().asString().contains("WARN");
        }
    }

    @Test
    void shouldRefuseAFirstStartWithAWeakAdminPasswordNamingTheRule(CapturedOutput output) {
        try (TestDatabase db = TestDatabase.create("web_weak_admin")) {
            assertThatThrownBy(() -> start(db, "change-me"))
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                            .isInstanceOf(AdminPasswordRefusedException.class));

            assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                    .contains("VIGIL_ADMIN_PASSWORD is refused: password must be at least 12 characters, got 9")
                    .contains(AdminPasswordFailureAnalyzer.ACTION);
            assertThat(home.resolve("data/initial-admin-password")).doesNotExist();
        }
    }

    private ConfigurableApplicationContext start(TestDatabase db, String adminPassword) {
        return new SpringApplicationBuilder(VigilApplication.class).run(
                "--server.port=0",
                "--vigil.db.url=" + db.jdbcUrl(),
                "--vigil.db.user=" + db.user(),
                "--vigil.db.password=" + db.password(),
                "--vigil.admin.password=" + adminPassword,
                "--vigil.admin.initial-password-dir=" + home.resolve("data"),
                "--vigil.syslog.udp-port=-1",
                "--vigil.syslog.tcp-port=-1",
                "--vigil.syslog.tls-port=-1",
                "--vigil.syslog.relp-port=-1");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
