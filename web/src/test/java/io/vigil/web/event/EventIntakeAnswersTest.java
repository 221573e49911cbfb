package io.vigil.web.event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.intake.IdempotencyKey;
import io.vigil.intake.IntakeUnavailableException;
import io.vigil.intake.KeyedEventIntake;
import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.http.EventLimits;
import io.vigil.model.EventDraft;
import io.vigil.notify.channel.MailSettings;
import io.vigil.web.intake.IntakeExceptionHandler;
import io.vigil.web.intake.IntakeMetrics;
import io.vigil.web.intake.JournaledIntake;
import io.vigil.web.system.VigilProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What POST /api/v1/events answers when the journal cannot say "stored": never a bare error, always
 * a problem that says whether anything was stored and when to retry. And when it answers: on the
 * request thread if the commit comes while it waits, else asynchronously.
 */
class EventIntakeAnswersTest {

    private static final String EVENT = "{\"source\":\"nagios\",\"resource\":\"web01\"}";

    /** An intake whose every submission gets {@code answer}. */
    private static MockMvc server(CompletableFuture<List<Long>> answer) {
        KeyedEventIntake intake = new KeyedEventIntake() {
            @Override
            public CompletableFuture<List<Long>> submit(List<EventDraft> drafts) {
                return answer;
            }

            @Override
            public CompletableFuture<Receipt> submitOnce(IdempotencyKey key, List<EventDraft> drafts) {
                return answer.thenApply(ids -> new Receipt(ids, false));
            }
        };
        VigilProperties properties = new VigilProperties(new VigilProperties.Db(null, "root", null, Path.of("data")),
                new VigilProperties.Admin(null, Path.of("data")), new VigilProperties.Syslog("0.0.0.0", 0, 0, -1, -1, false,
                        new VigilProperties.Tls(null, null, null, null, null, Path.of("data/tls")), DataSize.ofKilobytes(65),
                        DataSize.ofMegabytes(64), DataSize.ofMegabytes(32)),
                new VigilProperties.Escalation(Duration.ofMinutes(15), Duration.ofDays(1)), new VigilProperties.Engine(100, 5_000, Duration.ofSeconds(30),
                        Duration.ofMillis(5)),
                new VigilProperties.Intake(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ofMillis(200)),
                new VigilProperties.Mail("localhost", 25, MailSettings.StartTls.OPTIONAL, null, null, "vigil@localhost",
                        Duration.ofSeconds(10)),
                new VigilProperties.Notifications("", Duration.ofSeconds(2), Duration.ofMinutes(10)));
        return MockMvcBuilders.standaloneSetup(new EventIntakeController(new EventJsonParser(Clock.systemUTC(),
                EventLimits.DEFAULT), new JournaledIntake(intake, properties, new IntakeMetrics(new SimpleMeterRegistry()))))
                .setControllerAdvice(new IntakeExceptionHandler()).build();
    }

    private static ResultActions post(MockMvc server, String idempotencyKey) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(EVENT);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return server.perform(request);
    }

    /** A request whose commit did not come while the request thread waited: answered asynchronously. */
    private static MvcResult postedAndLeftWaiting(MockMvc server, String idempotencyKey) throws Exception {
        return post(server, idempotencyKey).andExpect(request().asyncStarted()).andReturn();
    }

    @Test
    void shouldAnswerOnTheRequestThreadWhenTheCommitComesWhileItWaits() throws Exception {
        CompletableFuture<List<Long>> commit = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS).execute(() -> commit.complete(List.of(41L)));
        MockMvc server = server(commit);

        post(server, null)
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.ids[0]").value(41));
    }

    @Test
    void shouldAnswerAsynchronouslyWhenTheCommitComesAfterTheRequestThreadStoppedWaiting() throws Exception {
        CompletableFuture<List<Long>> commit = new CompletableFuture<>();
        MockMvc server = server(commit);
        long before = System.nanoTime();

        MvcResult waiting = postedAndLeftWaiting(server, null);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(JournaledIntake.ANSWER_ON_REQUEST_THREAD);
        commit.complete(List.of(42L, 43L));

        server.perform(asyncDispatch(waiting))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.ids[1]").value(43));
    }

    @Test
    void shouldSayTheOutcomeIsUnknownAndHowToRetrySafelyWhenTheCommitIsNotConfirmedInTime() throws Exception {
        MockMvc server = server(new CompletableFuture<>());

        server.perform(asyncDispatch(postedAndLeftWaiting(server, "batch-42")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Outcome unknown"))
                .andExpect(jsonPath("$.outcome").value("unknown"))
                .andExpect(jsonPath("$.detail").value("the journal did not confirm the commit within 200 ms (its database is"
                        + " slow or unreachable): the events may or may not be stored. Retry with the same Idempotency-Key"
                        + " (\"batch-42\") and the same body: if they were stored you get their ids, if not they are stored"
                        + " then, never twice."));
    }

    @Test
    void shouldWarnThatARetryWithoutAKeyMayStoreTwice() throws Exception {
        MockMvc server = server(new CompletableFuture<>());

        server.perform(asyncDispatch(postedAndLeftWaiting(server, null)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("A retry without an Idempotency-Key"
                        + " may store them twice: send an Idempotency-Key header (any unique string per request) to make"
                        + " retries safe.")));
    }

    @Test
    void shouldSayNothingWasStoredWhenTheJournalIsUnreachable() throws Exception {
        MockMvc server = server(CompletableFuture.failedFuture(new IntakeUnavailableException(
                "the journal database is unreachable since 2026-11-27T09:00:00Z (Connection refused); nothing was stored",
                5, null)));

        post(server, null)
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Journal unavailable"))
                .andExpect(jsonPath("$.detail").value("the journal database is unreachable since 2026-11-27T09:00:00Z"
                        + " (Connection refused); nothing was stored"));
    }
}
