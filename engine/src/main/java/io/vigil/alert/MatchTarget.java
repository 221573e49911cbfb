package io.vigil.alert;

import io.vigil.model.Event;
import io.vigil.model.Status;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a {@link Matcher} looks at: the fields source, resource, check, category, status and
 * location by those names, and any other name as an attribute. A field name always means the
 * field, so an attribute called "resource" or "location" cannot be matched. Absent values are null
 * (matchers read them as "").
 *
 * @param status   NORMAL, WARNING, CRITICAL or UNKNOWN
 * @param location the monitoring location that reported it; events carry none of their own, so the
 *                 caller says which (e.g. the location of a confirmation report)
 */
public record MatchTarget(String source, String resource, String check, String category, String status,
                          String location, Map<String, String> attributes)
        implements Function<String, String> {

    public MatchTarget {
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** An event's fields (its effective status and category) and attributes, seen from the given location. */
    public static MatchTarget of(Event event, String location) {
        return new MatchTarget(event.getSource(), event.getResource(), event.getCheck(), event.getCategory(),
                event.getStatus() == null ? null : event.getStatus().name(), location, event.getAttributes());
    }

    /**
     * What matchers see of an alert: its fields, its newest report's attributes and location, and
     * for a service or SLA alert its service as the attribute "service".
     */
    public static MatchTarget ofAlert(String source, String resource, String check, String category, Status status,
                                      String location, String service, Map<String, String> attributes) {
        Map<String, String> seen = attributes;
        if (service != null) {
            seen = new HashMap<>(attributes);
            seen.put("service", service);
        }
        return new MatchTarget(source, resource, check, category, status == null ? null : status.name(), location, seen);
    }

    /** The monitoring location of a report: its attribute "location" unless blank, else its source. */
    public static String locationOf(Map<String, String> attributes, String source) {
        String location = attributes.get("location");
        return location == null || location.isBlank() ? source : location;
    }

    @Override
    public String apply(String name) {
        return switch (name) {
            case "source" -> source;
            case "resource" -> resource;
            case "check" -> check;
            case "category" -> category;
            case "status" -> status;
            case "location" -> location;
            default -> attributes.get(name);
        };
    }
}
