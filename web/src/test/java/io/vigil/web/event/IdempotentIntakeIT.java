package io.vigil.web.event;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/events with an Idempotency-Key: a retry gets the original ids and stores nothing twice. */
class IdempotentIntakeIT extends ServerTestSupport {

    private static final String TWO = "[{\"source\":\"nagios\",\"resource\":\"web01\",\"status\":\"warning\"},"
            + "{\"source\":\"nagios\",\"resource\":\"web02\",\"status\":\"warning\"}]";

    private final JdbcTemplate db = new JdbcTemplate(database().dataSource());

    private Response post(String key, String body) {
        return api.postJson("/api/v1/events", token(Role.INTEGRATOR), body, Map.of("Idempotency-Key", key));
    }

    private long journalRows() {
        return db.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class);
    }

    @Test
    void shouldAnswerARetryWithTheOriginalIdsAndStoreItOnce() {
        Response first = post("nightly-batch-2026-11-27", TWO);
        long rows = journalRows();
        Response retry = post("nightly-batch-2026-11-27", TWO);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(journalRows()).as("the retry stored nothing").isEqualTo(rows);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        assertThat(post("key-1", TWO).status()).isEqualTo(202);
        long rows = journalRows();

        Response reused = post("key-1", TWO.replace("web02", "web03"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reused.json().get("title").asString()).isEqualTo("Idempotency-Key reused");
        assertThat(reused.json().get("detail").asString()).startsWith("Idempotency-Key \"key-1\" was used on ")
                .endsWith(" for a request with another body; use a new key for new events");
        assertThat(journalRows()).isEqualTo(rows);
    }

    @Test
    void shouldRefuseABadKeyNamingWhatIsWrong() {
        Response response = post("two words", TWO);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("Idempotency-Key has the character U+0020 at"
                + " position 4; only visible ASCII characters (no spaces) are allowed");
    }
}
