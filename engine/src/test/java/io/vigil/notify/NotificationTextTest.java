package io.vigil.notify;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One rendering for every channel: counts first, every item with its facts and console link, HTML escaped. */
class NotificationTextTest {

    private final Notification notification =
            NotificationFixtures.notification(42, ChannelType.EMAIL, "alice@example.com", Map.of());

    @Test
    void shouldListEveryItemWithCountsFactsAndLinksInPlainText() {
        String plain = new NotificationText("https://vigil.example.com/").plain(notification);

        assertThat(plain).startsWith("3 problems, 1 recovered\n\n").contains(
                "- PROBLEM: web-01/http is CRITICAL (status CRITICAL, level 2, web-01/http, 2026-11-21T09:59:55Z)"
                        + " https://vigil.example.com/console/incidents/7\n",
                "- PROBLEM: db-02/disk is WARNING (status WARNING, level 1, db-02/disk, 2026-11-21T09:59:56Z)"
                        + " https://vigil.example.com/console/alerts/11\n",
                "- PROBLEM: shop <checkout> & \"cart\" down (status CRITICAL, level 1, service shop, 2026-11-21T09:59:57Z)"
                        + " https://vigil.example.com/console/incidents/8\n",
                "- RECOVERED: mq-01/queue is NORMAL (status NORMAL, mq-01/queue, 2026-11-21T09:59:58Z)"
                        + " https://vigil.example.com/console/incidents/5\n");
        assertThat(new NotificationText(null).plain(notification)).doesNotContain("/console/");
    }

    @Test
    void shouldEscapeEverythingInHtml() {
        String html = new NotificationText("https://vigil.example.com").html(notification);

        assertThat(html).contains("<strong>3 problems, 1 recovered</strong>",
                "<a href=\"https://vigil.example.com/console/incidents/8\">shop &lt;checkout&gt; &amp; &quot;cart&quot; down</a>",
                "<strong>RECOVERED</strong>: <a href=\"https://vigil.example.com/console/incidents/5\">mq-01/queue is NORMAL</a>")
                .doesNotContain("<checkout>");
        assertThat(new NotificationText(null).html(notification)).contains("<strong>PROBLEM</strong>: web-01/http is CRITICAL");
    }
}
