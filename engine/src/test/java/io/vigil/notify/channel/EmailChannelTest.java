package io.vigil.notify.channel;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vigil.notify.ChannelType;
import io.vigil.notify.DeliveryException;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationFixtures;
import io.vigil.notify.NotificationText;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** E-mail through a real SMTP server (GreenMail, plain SMTP without STARTTLS). */
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Notification notification =
            NotificationFixtures.notification(42, ChannelType.EMAIL, "alice@example.com", Map.of());

    private MailSettings settings(int port) {
        return MailSettings.of("127.0.0.1", port, "vigil@example.com").withStartTls(MailSettings.StartTls.OFF)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void shouldDeliverOneMessageWithBothBodiesListingEveryItem() throws Exception {
        EmailChannel channel = new EmailChannel(settings(smtp.getSmtp().getPort()), new NotificationText("https://vigil.example.com"));

        String answer = channel.send(notification);

        assertThat(answer).startsWith("250");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.com");
        assertThat(message.getFrom()).extracting(Object::toString).containsExactly("vigil@example.com");
        assertThat(message.getSubject()).isEqualTo("[Vigil] 3 problems, 1 recovered");
        assertThat(message.getHeader("X-Vigil-Notification")).containsExactly("42");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String plain = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(plain).startsWith("3 problems, 1 recovered").contains(
                "PROBLEM: web-01/http is CRITICAL", "/console/incidents/7",
                "PROBLEM: db-02/disk is WARNING", "/console/alerts/11",
                "PROBLEM: shop <checkout> & \"cart\" down", "service shop",
                "RECOVERED: mq-01/queue is NORMAL", "2026-11-21T09:59:58Z");
        assertThat(html).contains("3 problems, 1 recovered", "web-01/http is CRITICAL", "db-02/disk is WARNING",
                "shop &lt;checkout&gt; &amp; &quot;cart&quot; down", "<strong>RECOVERED</strong>",
                "https://vigil.example.com/console/incidents/5");
    }

    @Test
    void shouldRefuseAServerWithoutStartTlsWhenItIsRequired() {
        EmailChannel channel = new EmailChannel(settings(smtp.getSmtp().getPort()).withStartTls(MailSettings.StartTls.REQUIRED),
                new NotificationText(null));

        assertThatThrownBy(() -> channel.send(notification)).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + smtp.getSmtp().getPort()).hasMessageContaining("STARTTLS");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldNameTheServerItCannotReach() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailChannel channel = new EmailChannel(settings(closedPort), new NotificationText(null));

        assertThatThrownBy(() -> channel.send(notification)).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("cannot send through SMTP server 127.0.0.1:" + closedPort + ": ")
                .hasMessageContaining("Connection refused");
    }
}
