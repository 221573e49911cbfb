package io.vigil.notify;

/** How a notification travels; each has one {@link NotificationChannel} implementation. */
public enum ChannelType {
    /** E-mail over SMTP, HTML and plain text. */
    EMAIL,
    /** A JSON POST signed with HMAC-SHA256. */
    WEBHOOK,
    /** Slack's incoming-webhook format. */
    SLACK,
    /** Mattermost's incoming-webhook format (Slack-compatible). */
    MATTERMOST
}
