package io.vigil.audit.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiringHashTest {

    @Test
    void shouldPrefixEveryFieldWithItsLengthSoNoValueCanImitateASeparator() {
        String canonical = FiringHash.canonical(7, 1_700_000_000_000L, "Classify ssh", "rules.classify", "abc", "[]",
                "1,2", "a\nb|c");

        assertThat(canonical).isEqualTo("1:7\n13:1700000000000\n12:Classify ssh\n14:rules.classify\n3:abc\n2:[]\n3:1,2\n5:a\nb|c\n");
    }

    @Test
    void shouldWriteNoEventIdsAsAnEmptyField() {
        assertThat(FiringHash.canonical(1, 0, "r", "p", "v", "[]", null, "o"))
                .isEqualTo(FiringHash.canonical(1, 0, "r", "p", "v", "[]", "", "o"))
                .contains("\n0:\n");
    }

    @Test
    void shouldHashThePreviousHashFollowedByTheCanonicalText() {
        // Same value as: printf '%s' "$GENESIS$CANONICAL" | sha256sum
        String canonical = FiringHash.canonical(7, 1_700_000_000_000L, "Classify ssh", "rules.classify", "abc", "[]",
                "1,2", "a\nb|c");

        assertThat(FiringHash.hash(FiringHash.GENESIS, canonical))
                .isEqualTo("90bc349cb5cba0485263296a7170b2d26428a4b3a4eb80e9fa07999378942c94");
    }

    @Test
    void shouldHashFieldByFieldExactlyAsTheCanonicalText() {
        String prev = "ab".repeat(32);
        for (String eventIds : new String[] {null, "", "1,2,33"}) {
            assertThat(FiringHash.hash(prev, 1234567, 1_700_000_000_123L, "Ünïcode rule ✓", "rules.classify", "v",
                    "[{\"summary\":\"naïve 🚀\"}]", eventIds, "line 1\nline 2"))
                    .isEqualTo(FiringHash.hash(prev, FiringHash.canonical(1234567, 1_700_000_000_123L, "Ünïcode rule ✓",
                            "rules.classify", "v", "[{\"summary\":\"naïve 🚀\"}]", eventIds, "line 1\nline 2")));
        }
    }
}
