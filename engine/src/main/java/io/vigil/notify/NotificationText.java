package io.vigil.notify;

import java.time.Instant;
import java.util.List;

/**
 * What a notification says, the same on every channel: a subject, a count line ("3 problems, 1
 * recovered"), and one entry per item (PROBLEM or RECOVERED, title, status, level, where, when in
 * UTC ISO, and a console link when a console URL is configured). Plain text for e-mail and chat,
 * HTML (everything escaped: titles come from monitored systems) for e-mail.
 */
public final class NotificationText {

    private final String consoleUrl;

    /** @param consoleUrlOrNull the console's base URL (e.g. {@code https://vigil.example.com}), or null for no links */
    public NotificationText(String consoleUrlOrNull) {
        this.consoleUrl = consoleUrlOrNull == null || consoleUrlOrNull.isBlank() ? null
                : consoleUrlOrNull.replaceAll("/+$", "");
    }

    public String subject(Notification notification) {
        return notification.subject();
    }

    /** "3 problems, 1 recovered" ({@link Notification#counts()}). */
    public String counts(Notification notification) {
        return notification.counts();
    }

    /** PROBLEM or RECOVERED. */
    public static String kind(NotificationItem item) {
        return item.allClear() ? "RECOVERED" : "PROBLEM";
    }

    /** resource/check, the resource alone, or "service &lt;name&gt;"; null when the item names none. */
    public static String where(NotificationItem item) {
        if (item.resource() != null) {
            return item.check() == null ? item.resource() : item.resource() + "/" + item.check();
        }
        return item.service() == null ? null : "service " + item.service();
    }

    /** The item's time as UTC ISO-8601, e.g. 2026-11-21T10:00:00Z. */
    public static String time(NotificationItem item) {
        return Instant.ofEpochMilli(item.at()).toString();
    }

    /** The console page of the item's incident (else its alert), or null without a console URL or an id. */
    public String link(NotificationItem item) {
        if (consoleUrl == null) {
            return null;
        }
        if (item.incidentId() != null) {
            return consoleUrl + "/console/incidents/" + item.incidentId();
        }
        return item.alertId() == null ? null : consoleUrl + "/console/alerts/" + item.alertId();
    }

    /** Status, level, where and when of an item, e.g. "status CRITICAL, level 2, web-01/http, 2026-11-21T10:00:00Z". */
    public static String facts(NotificationItem item) {
        StringBuilder facts = new StringBuilder("status ").append(item.status());
        if (!item.allClear()) {
            facts.append(", level ").append(item.level());
        }
        String where = where(item);
        if (where != null) {
            facts.append(", ").append(where);
        }
        return facts.append(", ").append(time(item)).toString();
    }

    /** One line per item: "PROBLEM: title (facts) link". */
    public String line(NotificationItem item) {
        String link = link(item);
        return kind(item) + ": " + item.title() + " (" + facts(item) + ")" + (link == null ? "" : " " + link);
    }

    public String plain(Notification notification) {
        StringBuilder text = new StringBuilder(counts(notification)).append("\n\n");
        for (NotificationItem item : notification.items()) {
            text.append("- ").append(line(item)).append('\n');
        }
        return text.toString();
    }

    public String html(Notification notification) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject(notification))).append("</title></head><body>\n<p><strong>")
                .append(escape(counts(notification))).append("</strong></p>\n<ul>\n");
        for (NotificationItem item : notification.items()) {
            String link = link(item);
            html.append("<li><strong>").append(kind(item)).append("</strong>: ");
            if (link == null) {
                html.append(escape(item.title()));
            } else {
                html.append("<a href=\"").append(escape(link)).append("\">").append(escape(item.title())).append("</a>");
            }
            html.append(" <small>(").append(escape(facts(item))).append(")</small></li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    /** Every item's {@link #line}, newline-separated (chat messages). */
    public String lines(List<NotificationItem> items) {
        return String.join("\n", items.stream().map(this::line).toList());
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
