package io.vigil.web.security;

import io.vigil.testing.engine.MutableClock;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final CredentialCache<String, String> cache = new CredentialCache<>(Duration.ofSeconds(30), Duration.ofMinutes(10),
            100, clock);
    private final FakeStore store = new FakeStore();

    @Test
    void shouldAnswerFromTheCacheWhileFreshAndReadAgainAfterwards() {
        store.rows.put("olga", "hash-1");
        assertThat(cache.get("olga", store)).contains("hash-1");
        store.rows.put("olga", "hash-2");

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("olga", store)).contains("hash-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("olga", store)).contains("hash-2");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void shouldAnswerFromAStaleEntryWhileTheStoreIsUnreachableUpToTheLimit() {
        store.rows.put("olga", "hash-1");
        cache.get("olga", store);
        store.down = true;

        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.get("olga", store)).contains("hash-1");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> cache.get("olga", store)).isInstanceOf(CredentialStoreUnavailableException.class);
    }

    @Test
    void shouldFailForWhatItNeverSawWhileTheStoreIsUnreachable() {
        store.down = true;

        assertThatThrownBy(() -> cache.get("olga", store)).isInstanceOf(CredentialStoreUnavailableException.class)
                .hasMessage(CredentialStoreUnavailableException.DETAIL);
    }

    @Test
    void shouldNotCacheWhatDoesNotExist() {
        assertThat(cache.get("ghost", store)).isEmpty();
        store.rows.put("ghost", "hash-1");

        assertThat(cache.get("ghost", store)).contains("hash-1");
    }

    @Test
    void shouldForgetAnEvictedEntryAtOnce() {
        store.rows.put("olga", "hash-1");
        cache.get("olga", store);
        store.rows.remove("olga");

        cache.evict("olga");

        assertThat(cache.get("olga", store)).isEmpty();
    }

    @Test
    void shouldNotKeepAReadThatWasUnderWayWhenAnEvictionHappened() {
        store.rows.put("token", "live");
        CredentialCache.Loader<String, String> readThenRevoked = key -> {
            Optional<String> read = store.load(key);
            store.rows.remove(key);
            cache.evict(key);
            return read;
        };

        assertThat(cache.get("token", readThenRevoked)).contains("live");
        assertThat(cache.get("token", store)).as("the revoked token is read again, not served from the cache").isEmpty();
    }

    /** A table of credentials that can be made unreachable. */
    private static final class FakeStore implements CredentialCache.Loader<String, String> {

        final Map<String, String> rows = new HashMap<>();
        boolean down;
        int reads;

        @Override
        public Optional<String> load(String key) {
            if (down) {
                throw new CredentialStoreUnavailableException(new SQLException("Connection refused"));
            }
            reads++;
            return Optional.ofNullable(rows.get(key));
        }
    }
}
