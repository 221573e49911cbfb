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

    /** Null for no attributes: most events have none, and NULL costs nothing to store. */
    public static String attributes(Map<String, String> attributes) {
        return attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
    }

    public static Map<String, String> attributes(String json) {
        return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, ATTRIBUTES));
    }

    public static String facts(List<FactRef> facts) {
        return JSON.writeValueAsString(facts);
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
