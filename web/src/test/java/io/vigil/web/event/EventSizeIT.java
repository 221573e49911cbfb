package io.vigil.web.event;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default limits (64 MB bodies, 1 MiB per event), an event larger than the database
 * server's max_allowed_packet (16 MiB) is refused by itself and never reaches the journal's group
 * commit, which the requests posted beside it share.
 */
class EventSizeIT extends ServerTestSupport {

    private static final String GOOD = "{\"source\":\"nagios\",\"resource\":\"web01\",\"check\":\"cpu\"}";

    final JdbcTemplate db = new JdbcTemplate(database().dataSource());

    /**
     * Such an event used to pass validation, make MariaDB drop the journal's connection, fail every
     * request of the same commit, and be answered 503 + Retry-After for ever.
     */
    @Test
    void shouldRefuseAnEventTooLargeToStoreWhileConcurrentRequestsAreAccepted() throws Exception {
        String padded = "{\"source\":\"nagios\",\"resource\":\"web01\"," + " ".repeat(17 << 20) + "\"check\":\"cpu\"}";
        long rowsBefore = journalRows();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Future<Response> oversized = clients.submit(() -> post("[" + GOOD + "," + padded + "]"));
            List<Future<Response>> normal = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                normal.add(clients.submit(() -> post(GOOD)));
            }

            Response refused = oversized.get(60, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Event too large");
            assertThat(refused.json().get("detail").asString()).isEqualTo("events[1]: event of 17825844 bytes is over the"
                    + " limit of 1048576 bytes per event (its JSON text, whitespace included, is stored as sent)");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("index").asInt()).isEqualTo(1);
            assertThat(error.get("field").isNull()).isTrue();
            for (Future<Response> request : normal) {
                Response accepted = request.get(60, TimeUnit.SECONDS);
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            }
            assertThat(journalRows()).isEqualTo(rowsBefore + 40);
        } finally {
            clients.shutdownNow();
        }
    }

    private Response post(String json) {
        return api.postJson("/api/v1/events", token(Role.INTEGRATOR), json);
    }

    private long journalRows() {
        return db.queryForObject("SELECT COUNT(*) FROM event_journal", Long.class);
    }
}
