package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.system.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * On the first start (no users at all) creates {@code admin} with role ADMIN, so a newcomer can
 * log in and issue tokens. The password comes from VIGIL_ADMIN_PASSWORD, which must pass the
 * {@link PasswordPolicy} (else the start stops, naming the rule); without it one is generated,
 * logged once in a block that stands out, and written to {@link InitialAdminPassword}'s file.
 *
 * <p>On later starts VIGIL_ADMIN_PASSWORD changes nothing; when it differs from admin's password a
 * warning says so and how to change a password, rather than leaving people to wonder at 401s.
 * Runs once every bean exists, before the web server and the pipeline start.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUsers users;
    private final InitialAdminPassword initialPassword;
    private final VigilProperties properties;

    AdminBootstrap(AppUsers users, InitialAdminPassword initialPassword, VigilProperties properties) {
        this.users = users;
        this.initialPassword = initialPassword;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String configured = properties.admin().password();
        boolean isConfigured = configured != null && !configured.isBlank();
        if (!users.none()) {
            if (isConfigured && !users.passwordMatches(ADMIN, configured)) {
                log.warn("VIGIL_ADMIN_PASSWORD is ignored: it only sets admin's password at the first start, and users exist"
                        + " already; to change a password use PUT /api/v1/users/{name}/password");
            }
            return;
        }
        if (isConfigured) {
            PasswordPolicy.violation(ADMIN, configured).ifPresent(rule -> {
                throw new AdminPasswordRefusedException(rule);
            });
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

                  {}
                  Log in at /login. To choose it yourself, set VIGIL_ADMIN_PASSWORD
                  before the first start.
                ==========================================================================
                """, ADMIN, generated, keepInFile(generated));
    }

    /** Writes the file and says where it is, or why there is none. */
    private String keepInFile(String generated) {
        try {
            initialPassword.write(generated);
            return "It is also in " + initialPassword.path() + " (readable by its owner only)\n"
                    + "  until admin's password is changed (PUT /api/v1/users/admin/password).";
        } catch (IOException | UnsupportedOperationException e) {
            return "It could not be written to " + initialPassword.path() + ": " + e.getMessage();
        }
    }

    /** 144 random bits in base64url (24 characters), drawn again in the rare case the policy refuses them. */
    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[18];
        String password;
        do {
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (PasswordPolicy.violation(ADMIN, password).isPresent());
        return password;
    }
}
