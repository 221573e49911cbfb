package io.vigil.store.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceGroupsTest {

    @Test
    void shouldStoreGroupsSortedWithoutDuplicatesAndReadThemBack() {
        String column = ServiceGroups.join(List.of("shop", "office", "shop"));

        assertThat(column).isEqualTo("office,shop");
        assertThat(ServiceGroups.split(column)).containsExactly("office", "shop");
    }

    @Test
    void shouldReadNoGroupsFromEmptyColumn() {
        assertThat(ServiceGroups.split("")).isEmpty();
        assertThat(ServiceGroups.split(null)).isEmpty();
        assertThat(ServiceGroups.join(null)).isEmpty();
    }

    @Test
    void shouldRefuseGroupNamesThatCouldNotBeSplitAgain() {
        assertThatThrownBy(() -> ServiceGroups.join(List.of("shop", "a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group \"a,b\" must be 1 to 64 letters, digits or . _ -");
        assertThatThrownBy(() -> ServiceGroups.join(List.of(""))).hasMessage("group \"\" must be 1 to 64 letters, digits or . _ -");
    }
}
