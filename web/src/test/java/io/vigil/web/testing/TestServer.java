package io.vigil.web.testing;

import io.vigil.store.access.Role;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin every test server starts with, and one API token per role issued through the API itself. */
public final class TestServer {

    public static final String ADMIN_PASSWORD = "test-server-secret-1";
    public static final Auth ADMIN = Auth.basic("admin", ADMIN_PASSWORD);

    private TestServer() {
    }

    /** Issues one bearer token per role, as the admin. */
    public static Map<Role, Auth> tokens(ApiClient api) {
        Map<Role, Auth> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            ApiClient.Response created = api.postJson("/api/v1/tokens", ADMIN,
                    ApiClient.json(Map.of("name", "test-" + role.name().toLowerCase(), "role", role.name())));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            tokens.put(role, Auth.bearer(created.json().get("token").asString()));
        }
        return tokens;
    }
}
