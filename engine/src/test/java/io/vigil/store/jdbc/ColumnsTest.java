package io.vigil.store.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnsTest {

    @Test
    void shouldKeepTextThatFits() {
        assertThat(Columns.fit("web01", 5)).isEqualTo("web01");
        assertThat(Columns.fit(null, 5)).isNull();
    }

    @Test
    void shouldCutLongTextToTheColumnWithAnEllipsis() {
        assertThat(Columns.fit("web01.example.com", 8)).isEqualTo("web01.e…").hasSize(8);
    }
}
