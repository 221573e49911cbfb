package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.system.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * On the first start (no users at all) creates {@code admin} with role ADMIN, so a newcomer can
 * log in and issue tokens. The password comes from VIGIL_ADMIN_PASSWORD; without it one is
 * generated and logged once, in a block that stands out in the start-up log.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUsers users;
    private final VigilProperties properties;

    AdminBootstrap(AppUsers users, VigilProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.none()) {
            return;
        }
        String configured = properties.admin().password();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < AppUsers.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("VIGIL_ADMIN_PASSWORD must be at least "
                        + AppUsers.MIN_PASSWORD_LENGTH + " characters, got " + configured.length());
            }
            users.create(ADMIN, configured, Set.of(Role.ADMIN), Set.of());
            log.info("created user \"{}\" with the password from VIGIL_ADMIN_PASSWORD", ADMIN);
            return;
        }
        String generated = generatePassword();
        users.create(ADMIN, generated, Set.of(Role.ADMIN), Set.of());
        log.warn("""

                ==========================================================================
                  Vigil created the first user. This password is shown only this once.

                      username: {}
                      password: {}

                  Log in at /login. To choose it yourself, set VIGIL_ADMIN_PASSWORD
                  before the first start.
                ==========================================================================
                """, ADMIN, generated);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
