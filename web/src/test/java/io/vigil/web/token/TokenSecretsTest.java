package io.vigil.web.token;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTest {

    @Test
    void shouldMakePrefixedBase64UrlSecretsOf32Bytes() {
        String secret = TokenSecrets.generate(new SecureRandom());

        assertThat(secret).matches("vgl_[A-Za-z0-9_-]{43}");
        assertThat(TokenSecrets.generate(new SecureRandom())).isNotEqualTo(secret);
    }

    @Test
    void shouldHashWithSha256Hex() {
        assertThat(TokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
