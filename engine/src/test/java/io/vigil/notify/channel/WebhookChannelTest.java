package io.vigil.notify.channel;

import com.sun.net.httpserver.HttpServer;
import io.vigil.notify.ChannelType;
import io.vigil.notify.DeliveryException;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationFixtures;
import io.vigil.notify.NotificationText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP channels against a real receiver on loopback: the JSON they post, the signature, and failures. */
class WebhookChannelTest {

    /** What the receiver got: headers and the raw body. */
    record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:05Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 204;

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            byte[] reply = (status == 204 ? "" : "boom: queue full").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private WebhookChannel webhook() {
        return new WebhookChannel(new NotificationText("https://vigil.example.com"), Duration.ofSeconds(5), CLOCK);
    }

    @Test
    void shouldPostTheNotificationAsJsonSignedWithTheSecret() throws Exception {
        Notification notification = NotificationFixtures.notification(42, ChannelType.WEBHOOK, url(), Map.of("secret", "s3cr3t"));

        assertThat(webhook().send(notification)).isEqualTo("HTTP 204");

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Vigil-Notification")).isEqualTo("42");
        assertThat(request.header("X-Vigil-Timestamp")).isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cr3t".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((request.header("X-Vigil-Timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("X-Vigil-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())));

        JsonNode json = JsonMapper.builder().build().readTree(request.body());
        assertThat(json.get("id").asLong()).isEqualTo(42);
        assertThat(json.get("decidedAt").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(json.get("recipient").asString()).isEqualTo("user:alice");
        assertThat(json.get("allClear").asBoolean()).isFalse();
        assertThat(json.get("level").asInt()).isEqualTo(2);
        assertThat(json.get("policy").asString()).isEqualTo("default");
        assertThat(json.get("items")).hasSize(4);
        JsonNode first = json.get("items").get(0);
        assertThat(first.get("incidentId").asLong()).isEqualTo(7);
        assertThat(first.get("alertId").asLong()).isEqualTo(3);
        assertThat(first.get("title").asString()).isEqualTo("web-01/http is CRITICAL");
        assertThat(first.get("status").asString()).isEqualTo("CRITICAL");
        assertThat(first.get("at").asString()).isEqualTo("2026-11-21T09:59:55Z");
        assertThat(first.get("link").asString()).isEqualTo("https://vigil.example.com/console/incidents/7");
        assertThat(json.get("items").get(3).get("allClear").asBoolean()).isTrue();
        assertThat(json.get("items").get(2).get("title").asString()).isEqualTo("shop <checkout> & \"cart\" down");
    }

    @Test
    void shouldNotSignWithoutASecret() throws Exception {
        webhook().send(NotificationFixtures.notification(43, ChannelType.WEBHOOK, url(), Map.of()));

        assertThat(received.get(0).header("X-Vigil-Signature")).isNull();
        assertThat(received.get(0).header("X-Vigil-Timestamp")).isNull();
    }

    @Test
    void shouldFailWithTheStatusAndReplyOfANon2xxAnswer() {
        status = 503;
        Notification notification = NotificationFixtures.notification(44, ChannelType.WEBHOOK, url(), Map.of());

        assertThatThrownBy(() -> webhook().send(notification)).isInstanceOf(DeliveryException.class)
                .hasMessage("127.0.0.1 answered HTTP 503: boom: queue full");
    }

    @Test
    void shouldFailWithinTheTimeoutWhenTheReceiverHangs() {
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        String slow = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
        WebhookChannel channel = new WebhookChannel(new NotificationText(null), Duration.ofMillis(300), CLOCK);

        long start = System.nanoTime();
        assertThatThrownBy(() -> channel.send(NotificationFixtures.notification(45, ChannelType.WEBHOOK, slow, Map.of())))
                .isInstanceOf(DeliveryException.class).hasMessage("no answer from 127.0.0.1 within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldPostSlackTextListingEveryItem() throws Exception {
        status = 200;
        SlackChannel slack = new SlackChannel(ChannelType.SLACK, new NotificationText("https://vigil.example.com"));

        assertThat(slack.send(NotificationFixtures.notification(46, ChannelType.SLACK, url(), Map.of()))).startsWith("HTTP 200");

        JsonNode json = JsonMapper.builder().build().readTree(received.get(0).body());
        assertThat(json.get("text").asString()).startsWith("*[Vigil] 3 problems, 1 recovered*\n3 problems, 1 recovered\n").contains(
                "• PROBLEM: web-01/http is CRITICAL (status CRITICAL, level 2, web-01/http, 2026-11-21T09:59:55Z)"
                        + " https://vigil.example.com/console/incidents/7",
                "• PROBLEM: db-02/disk is WARNING", "https://vigil.example.com/console/alerts/11",
                "• PROBLEM: shop &lt;checkout&gt; &amp; \"cart\" down",
                "• RECOVERED: mq-01/queue is NORMAL");
        assertThat(json.get("attachments").get(0).get("color").asString()).isEqualTo("#d0021b");
    }

    @Test
    void shouldPostMattermostTheSameWayWithoutSlackEscapes() throws Exception {
        status = 200;
        SlackChannel mattermost = new SlackChannel(ChannelType.MATTERMOST, new NotificationText(null));

        mattermost.send(NotificationFixtures.notification(47, ChannelType.MATTERMOST, url(), Map.of()));

        JsonNode json = JsonMapper.builder().build().readTree(received.get(0).body());
        assertThat(mattermost.type()).isEqualTo(ChannelType.MATTERMOST);
        assertThat(json.get("text").asString()).contains("• PROBLEM: shop <checkout> & \"cart\" down");
    }
}
