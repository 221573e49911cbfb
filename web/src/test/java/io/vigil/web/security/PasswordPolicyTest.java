package io.vigil.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String COMMON = "password is too common: it is on the list of common and breached passwords"
            + " (perhaps with digits or symbols added, or repeated)";

    @Test
    void shouldAcceptLongUnlistedPasswordsWithoutCompositionRules() {
        assertThat(PasswordPolicy.violation("olga", "walkthrough-secret-7")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "tuesday orchard lantern")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "alllowercaseletters")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "ünïcödé-pässwörd")).isEmpty();
    }

    @Test
    void shouldNameTheMissingPassword() {
        assertThat(PasswordPolicy.violation("olga", null)).contains("password is missing");
        assertThat(PasswordPolicy.violation("olga", "")).contains("password is missing");
    }

    @Test
    void shouldRequireTwelveCharactersCountingCodePoints() {
        assertThat(PasswordPolicy.violation("olga", "change-me")).contains("password must be at least 12 characters, got 9");
        assertThat(PasswordPolicy.violation("olga", "🐱🐱🐱🐱🐱🐱🐱🐱🐱🐱🐱"))
                .contains("password must be at least 12 characters, got 11");
        assertThat(PasswordPolicy.violation("olga", "twelve chars")).isEmpty();
    }

    @Test
    void shouldStopAtWhatBcryptReads() {
        assertThat(PasswordPolicy.violation("olga", "x".repeat(36) + "y".repeat(36))).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "x".repeat(40) + "y".repeat(40)))
                .contains("password must be at most 72 bytes in UTF-8 (what BCrypt reads), got 80");
        assertThat(PasswordPolicy.violation("olga", "ä".repeat(20) + "ö".repeat(17)))
                .contains("password must be at most 72 bytes in UTF-8 (what BCrypt reads), got 74");
    }

    @Test
    void shouldRefuseThePasswordContainingTheUserNameInAnyCase() {
        assertThat(PasswordPolicy.violation("admin", "admin-password-1"))
                .contains("password must not contain the user name \"admin\"");
        assertThat(PasswordPolicy.violation("olga", "my-name-is-OLGA!")).contains("password must not contain the user name \"olga\"");
    }

    @Test
    void shouldNotCheckUserNamesTooShortToMatter() {
        assertThat(PasswordPolicy.violation("al", "totally-normal-words")).isEmpty();
    }

    @Test
    void shouldRefuseOneCharacterRepeated() {
        assertThat(PasswordPolicy.violation("olga", "aaaaaaaaaaaaaa")).contains("password must not be one character repeated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "Password2024!", "  changeme 1234  ", "qwertyqwertyqwerty", "VigilVigilVigil",
            "correct horse battery staple", "Administrator#1", "p@ssw0rdP@ssw0rd"})
    void shouldRefuseCommonPasswordsAndTheirObviousVariants(String password) {
        assertThat(PasswordPolicy.violation("olga", password)).contains(COMMON);
    }

    @Test
    void shouldAcceptCommonWordsInsideLongerPhrases() {
        assertThat(PasswordPolicy.violation("olga", "iloveyou-forever")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "vigil keeps watch at night")).isEmpty();
    }
}
