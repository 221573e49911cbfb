package io.vigil.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigil.notify.channel.EmailChannel;
import io.vigil.notify.channel.MailSettings;
import io.vigil.notify.channel.WebhookChannel;
import io.vigil.store.NotificationAttemptRow;
import io.vigil.store.NotificationDetail;
import io.vigil.store.NotificationLogRow;
import io.vigil.store.NotificationQueries;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.engine.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.vigil.notify.NotificationFixtures.DECIDED_AT;
import static io.vigil.notify.NotificationFixtures.notification;
import static io.vigil.notify.NotificationFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The dispatcher against real MariaDB and a real SMTP server that is down at first. */
class NotificationDispatcherIT {

    private static final DispatcherSettings SETTINGS =
            new DispatcherSettings(Duration.ofMinutes(1), 100, Duration.ofSeconds(2), Duration.ofSeconds(10));

    private TestDatabase db;
    private NotificationQueries queries;
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(DECIDED_AT));
    private int smtpPort;
    private GreenMail smtp;

    @BeforeEach
    void create() throws Exception {
        db = TestDatabase.create("notification_dispatch");
        queries = new NotificationQueries(db.dataSource());
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void drop() {
        smtp.stop();
        db.drop();
    }

    private EmailChannel email() {
        return new EmailChannel(MailSettings.of("127.0.0.1", smtpPort, "vigil@example.com")
                .withStartTls(MailSettings.StartTls.OFF).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new NotificationText(null));
    }

    private NotificationDispatcher dispatcher(List<NotificationChannel> channels) {
        return new NotificationDispatcher(db.dataSource(), channels, SETTINGS, clock);
    }

    private NotificationDetail detail(long id) {
        return queries.byId(id).orElseThrow();
    }

    @Test
    void shouldRetryWithGrowingBackoffWhileTheSmtpServerIsDownThenDeliverEachExactlyOnce() throws Exception {
        store(db.dataSource(), List.of(notification(1, ChannelType.EMAIL, "alice@example.com", Map.of()),
                notification(2, ChannelType.EMAIL, "bob@example.com", Map.of()),
                notification(3, ChannelType.EMAIL, "carol@example.com", Map.of())));
        NotificationDispatcher dispatcher = dispatcher(List.of(email()));

        // down: every attempt fails; the next one is 2 s, 4 s, 8 s, then 10 s (the cap) later
        long[] waits = {2_000, 4_000, 8_000, 10_000};
        for (long wait : waits) {
            assertThat(dispatcher.dispatchDue()).isEqualTo(3);
            for (long id = 1; id <= 3; id++) {
                NotificationLogRow row = detail(id).notification();
                assertThat(row.state()).isEqualTo(NotificationState.PENDING);
                assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plusMillis(wait));
                assertThat(row.lastError()).startsWith("cannot send through SMTP server 127.0.0.1:" + smtpPort + ": ")
                        .contains("Connection refused");
            }
            assertThat(dispatcher.dispatchDue()).as("nothing is due before the backoff has passed").isZero();
            clock.advance(Duration.ofMillis(wait - 1));
            assertThat(dispatcher.dispatchDue()).isZero();
            clock.advance(Duration.ofMillis(1));
        }

        smtp.start();
        assertThat(dispatcher.dispatchDue()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).as("sent ones are never sent again").isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(message -> header(message, "X-Vigil-Notification")))
                .containsExactlyInAnyOrder("1", "2", "3");
        for (long id = 1; id <= 3; id++) {
            NotificationDetail detail = detail(id);
            assertThat(detail.notification().state()).isEqualTo(NotificationState.SENT);
            assertThat(detail.notification().attempts()).isEqualTo(5);
            assertThat(detail.notification().sentAt()).isEqualTo(Instant.ofEpochMilli(DECIDED_AT + 24_000));
            assertThat(detail.attempts()).extracting(NotificationAttemptRow::attempt, NotificationAttemptRow::status,
                            attempt -> attempt.at().toEpochMilli() - DECIDED_AT)
                    .containsExactly(tuple(1, "FAILED", 0L), tuple(2, "FAILED", 2_000L), tuple(3, "FAILED", 6_000L),
                            tuple(4, "FAILED", 14_000L), tuple(5, "SENT", 24_000L));
            assertThat(detail.attempts().get(4).detail()).startsWith("250");
            assertThat(detail.attempts().get(0).detail()).contains("Connection refused");
        }
        assertThat(queries.countByState()).containsEntry(NotificationState.SENT, 3L).containsEntry(NotificationState.PENDING, 0L);
    }

    @Test
    void shouldRetryATypeWithoutAChannelUntilOneIsConfigured() throws Exception {
        smtp.start();
        store(db.dataSource(), List.of(notification(7, ChannelType.EMAIL, "alice@example.com", Map.of())));

        assertThat(dispatcher(List.of()).dispatchDue()).isEqualTo(1);
        assertThat(detail(7).notification().lastError()).isEqualTo("no channel for EMAIL configured");
        assertThat(detail(7).notification().state()).isEqualTo(NotificationState.PENDING);

        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher(List.of(email())).dispatchDue()).isEqualTo(1);
        assertThat(detail(7).notification().state()).isEqualTo(NotificationState.SENT);
        assertThat(detail(7).attempts()).extracting(NotificationAttemptRow::status).containsExactly("FAILED", "SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldSendFromItsOwnThreadWhenWoken() throws Exception {
        smtp.start();
        // a poll of a minute: only wake() makes it look again in time
        try (NotificationDispatcher dispatcher = new NotificationDispatcher(db.dataSource(),
                List.of(email(), new WebhookChannel(new NotificationText(null))), SETTINGS)) {
            dispatcher.start();
            Thread.sleep(200);
            store(db.dataSource(), List.of(notification(9, ChannelType.EMAIL, "alice@example.com", Map.of())));
            dispatcher.wake();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (detail(9).notification().state() != NotificationState.SENT && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(detail(9).notification().state()).isEqualTo(NotificationState.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
