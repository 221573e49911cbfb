package io.vigil.notify.channel;

import io.vigil.notify.ChannelType;
import io.vigil.notify.DeliveryException;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationChannel;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationText;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts a notification to a chat incoming webhook (its address): Slack's format, which Mattermost
 * accepts as it is, so one class serves both {@link ChannelType#SLACK} and
 * {@link ChannelType#MATTERMOST}. The body is {@code text} (subject, counts, one line per item
 * with its console link) plus one attachment whose colour says problem (red) or all-clear
 * (green). Slack reads {@code & < >} in text as markup, so they are escaped for Slack; Mattermost
 * renders Markdown and shows entities literally, so its text goes as it is.
 */
public final class SlackChannel implements NotificationChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_COLOUR = "#d0021b";
    private static final String CLEAR_COLOUR = "#2eb886";

    private final ChannelType type;
    private final NotificationText text;
    private final JsonPost post;

    public SlackChannel(ChannelType type, NotificationText text) {
        this(type, text, WebhookChannel.DEFAULT_TIMEOUT);
    }

    public SlackChannel(ChannelType type, NotificationText text, Duration timeout) {
        if (type != ChannelType.SLACK && type != ChannelType.MATTERMOST) {
            throw new IllegalArgumentException("a chat webhook is SLACK or MATTERMOST, not " + type);
        }
        this.type = type;
        this.text = text;
        this.post = new JsonPost(timeout);
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public String send(Notification notification) throws DeliveryException {
        return post.post(notification.address(), body(notification),
                Map.of("X-Vigil-Notification", Long.toString(notification.id())));
    }

    byte[] body(Notification notification) {
        StringBuilder message = new StringBuilder("*").append(escape(text.subject(notification))).append("*\n")
                .append(escape(text.counts(notification)));
        for (NotificationItem item : notification.items()) {
            message.append("\n• ").append(escape(text.line(item)));
        }
        Attachment attachment = new Attachment(notification.allClear() ? CLEAR_COLOUR : PROBLEM_COLOUR,
                escape(text.subject(notification)), escape(text.counts(notification)));
        return JSON.writeValueAsBytes(new Message(message.toString(), List.of(attachment)));
    }

    private String escape(String value) {
        return type == ChannelType.SLACK ? value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : value;
    }

    record Message(String text, List<Attachment> attachments) {
    }

    record Attachment(String color, String fallback, String text) {
    }
}
