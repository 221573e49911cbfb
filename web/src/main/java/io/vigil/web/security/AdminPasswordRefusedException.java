package io.vigil.web.security;

/** VIGIL_ADMIN_PASSWORD breaks the password policy: the first start stops, naming the rule. */
final class AdminPasswordRefusedException extends IllegalStateException {

    AdminPasswordRefusedException(String rule) {
        super("VIGIL_ADMIN_PASSWORD is refused: " + rule);
    }
}
