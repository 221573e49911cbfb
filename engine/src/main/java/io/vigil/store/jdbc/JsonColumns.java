package io.vigil.store.jdbc;

import io.vigil.audit.FactRef;
import io.vigil.notify.NotificationItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The JSON text columns: event attributes and notification settings (object of string to string),
 * firing facts (array of FactRef) and notification items (array of NotificationItem).
 */
public final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final TypeReference<List<FactRef>> FACTS = new TypeReference<>() { };
    private static final TypeReference<List<NotificationItem>> ITEMS = new TypeReference<>() { };

    private JsonColumns() {
    }

    /**
     * Null for no attributes: most events have none, and NULL costs nothing to store. Written by
     * hand, in the map's order: it runs for every journaled event (a syslog line has at least its
     * facility), and Jackson's generic map serializer took a quarter of the journal writer's time.
     */
    public static String attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(16 + 32 * attributes.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, attribute.getKey()).append(':');
            string(json, attribute.getValue());
        }
        return json.append('}').toString();
    }

    public static Map<String, String> attributes(String json) {
        return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, ATTRIBUTES));
    }

    /**
     * The facts as a JSON array of {@code {"type", "id", "summary"}} objects. Written by hand: it
     * runs for every firing the audit trail stores, and a generic serializer cost a fifth of the
     * outcome writer's time.
     */
    public static String facts(List<FactRef> facts) {
        StringBuilder json = new StringBuilder(64 + 160 * facts.size()).append('[');
        for (int i = 0; i < facts.size(); i++) {
            FactRef fact = facts.get(i);
            json.append(i == 0 ? "{\"type\":" : ",{\"type\":");
            string(json, fact.type()).append(",\"id\":");
            string(json, fact.id()).append(",\"summary\":");
            string(json, fact.summary()).append('}');
        }
        return json.append(']').toString();
    }

    /** Appends a JSON string literal: quotes, backslashes and control characters escaped. */
    private static StringBuilder string(StringBuilder json, String text) {
        if (text == null) {
            return json.append("null");
        }
        json.append('"');
        int clean = 0;
        while (clean < text.length() && text.charAt(clean) >= 0x20 && text.charAt(clean) != '"' && text.charAt(clean) != '\\') {
            clean++;
        }
        json.append(text, 0, clean);
        for (int i = clean; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    public static List<FactRef> facts(String json) {
        return List.copyOf(JSON.readValue(json, FACTS));
    }

    public static String notificationItems(List<NotificationItem> items) {
        return JSON.writeValueAsString(items);
    }

    public static List<NotificationItem> notificationItems(String json) {
        return List.copyOf(JSON.readValue(json, ITEMS));
    }
}
