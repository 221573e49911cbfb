package io.vigil.notify;

import java.util.List;
import java.util.Map;

/**
 * One message the engine decided to send: every item for one recipient over one channel within
 * the recipient's consolidation window. Stored in the outbox before it is sent.
 *
 * @param id          the engine's id (never reused)
 * @param decidedAt   when the consolidation window closed (session clock, epoch ms)
 * @param recipient   {@code user:<name>} or {@code channel:<name>}
 * @param channel     the channel's name in the policy document ({@code email} for a user's address)
 * @param address     e-mail address or URL
 * @param settings    what the channel needs besides the address (e.g. {@code secret}); never null
 * @param policy      the escalation policy that decided it (the first item's), or null
 * @param items       in the order they were decided; never empty
 */
public record Notification(long id, long decidedAt, String recipient, String channel, ChannelType channelType,
                           String address, Map<String, String> settings, String policy,
                           List<NotificationItem> items) {

    public Notification {
        settings = Map.copyOf(settings);
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("notification " + id + " carries no items");
        }
    }

    /** Every item is a recovery. */
    public boolean allClear() {
        return items.stream().allMatch(NotificationItem::allClear);
    }

    /** The highest escalation level among the items (0 when all are all-clears). */
    public int level() {
        return items.stream().mapToInt(NotificationItem::level).max().orElse(0);
    }

    /** One line naming what it is about, e.g. "[Vigil] 3 problems, 1 recovered". */
    public String subject() {
        if (items.size() == 1) {
            NotificationItem only = items.get(0);
            return "[Vigil] " + (only.allClear() ? "RECOVERED: " : "") + only.title();
        }
        return "[Vigil] " + counts();
    }

    /** How many problems and recoveries it carries, e.g. "3 problems, 1 recovered" (a zero count left out). */
    public String counts() {
        long problems = items.stream().filter(item -> !item.allClear()).count();
        long recovered = items.size() - problems;
        StringBuilder counts = new StringBuilder();
        if (problems > 0) {
            counts.append(problems).append(problems == 1 ? " problem" : " problems");
        }
        if (recovered > 0) {
            counts.append(problems > 0 ? ", " : "").append(recovered).append(" recovered");
        }
        return counts.toString();
    }
}
