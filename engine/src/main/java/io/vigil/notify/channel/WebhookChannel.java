package io.vigil.notify.channel;

import io.vigil.notify.ChannelType;
import io.vigil.notify.DeliveryException;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationChannel;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationText;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a notification as a JSON document to its address (the receiver's URL):
 * <pre>
 * {"id": 42, "decidedAt": "2026-11-21T10:00:00Z", "recipient": "channel:ops", "channel": "ops-hook",
 *  "allClear": false, "level": 2, "policy": "default", "subject": "[Vigil] 2 problems",
 *  "items": [{"incidentId": 7, "alertId": 3, "resource": "web-01", "check": "http", "service": null,
 *             "title": "…", "status": "CRITICAL", "level": 2, "allClear": false,
 *             "at": "2026-11-21T09:59:58Z", "link": "https://vigil.example.com/console/incidents/7"}]}
 * </pre>
 * Headers: {@code Content-Type: application/json} and {@code X-Vigil-Notification: <id>}: the id
 * never changes between attempts, so a receiver drops what it has seen (a retry after a crash
 * between sending and marking sends it again).
 *
 * <p><b>Signing.</b> When the channel's settings carry a {@code secret}, two more headers:
 * {@code X-Vigil-Timestamp: <unix seconds>} and
 * {@code X-Vigil-Signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>}, the body
 * being the exact bytes received. A receiver recomputes it over the raw body (before parsing),
 * compares in constant time, and refuses a timestamp more than a few minutes old, which stops a
 * captured request from being replayed later; the timestamp is signed with the body, so it cannot
 * be changed without the secret.
 *
 * <p>2xx is delivered; any other status, an I/O error or the timeout (default 10 s) fails the attempt.
 */
public final class WebhookChannel implements NotificationChannel {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The settings key of the signing secret. */
    public static final String SECRET = "secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationText text;
    private final JsonPost post;
    private final Clock clock;

    public WebhookChannel(NotificationText text) {
        this(text, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    public WebhookChannel(NotificationText text, Duration timeout, Clock clock) {
        this.text = text;
        this.post = new JsonPost(timeout);
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String send(Notification notification) throws DeliveryException {
        byte[] body = body(notification);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Vigil-Notification", Long.toString(notification.id()));
        String secret = notification.settings().get(SECRET);
        if (secret != null && !secret.isEmpty()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put("X-Vigil-Timestamp", timestamp);
            headers.put("X-Vigil-Signature", "sha256=" + signature(secret, timestamp, body));
        }
        return post.post(notification.address(), body, headers);
    }

    /** The document's bytes, exactly as sent and signed. */
    byte[] body(Notification notification) {
        List<Item> items = notification.items().stream().map(item -> new Item(item, text.link(item))).toList();
        return JSON.writeValueAsBytes(new Document(notification.id(), Instant.ofEpochMilli(notification.decidedAt()).toString(),
                notification.recipient(), notification.channel(), notification.allClear(), notification.level(),
                notification.policy(), notification.subject(), items));
    }

    /** Hex HMAC-SHA256 of {@code <timestamp>.<body>} with the secret. */
    public static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** The JSON document; field order is the declaration order. */
    record Document(long id, String decidedAt, String recipient, String channel, boolean allClear, int level,
                    String policy, String subject, List<Item> items) {
    }

    record Item(Long incidentId, Long alertId, String resource, String check, String service, String title,
                String status, int level, boolean allClear, String at, String link) {

        Item(NotificationItem item, String link) {
            this(item.incidentId(), item.alertId(), item.resource(), item.check(), item.service(), item.title(),
                    item.status(), item.level(), item.allClear(), NotificationText.time(item), link);
        }
    }
}
