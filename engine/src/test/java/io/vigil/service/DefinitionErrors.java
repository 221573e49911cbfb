package io.vigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact problems a refused service tree document is reported with, in order. */
final class DefinitionErrors {

    private DefinitionErrors() {
    }

    static void assertErrors(String text, String... errors) {
        assertThatThrownBy(() -> ServiceTreeParser.parse(text))
                .isInstanceOfSatisfying(ServiceDefinitionException.class,
                        e -> assertThat(e.errors()).containsExactly(errors));
    }
}
