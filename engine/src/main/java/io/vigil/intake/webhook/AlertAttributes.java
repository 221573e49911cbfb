package io.vigil.intake.webhook;

import io.vigil.intake.http.EventLimits;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of one alert's event, under the same limits as a posted event's: names of 1 to
 * {@value EventLimits#MAX_NAME_CHARS} characters, at most {@value EventLimits#MAX_ATTRIBUTE_CHARS}
 * characters in names and values together. Labels keep their own names, so that rules and searches
 * read {@code instance} or {@code location} as they are; a label whose name an alert field or an
 * annotation already took (a label called {@code fingerprint}) is kept as {@code label.<name>}.
 */
final class AlertAttributes {

    static final String ANNOTATION_PREFIX = "annotation.";
    static final String LABEL_PREFIX = "label.";

    private final ObjectFields alert;
    private final Map<String, String> attributes = new HashMap<>();
    private int chars;

    /** @param alert where problems are reported */
    AlertAttributes(ObjectFields alert) {
        this.alert = alert;
    }

    /** The alert's own fields and the payload's: their names are fixed, so they go in first. Null values are left out. */
    void putFields(Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (value != null) {
                add(name, value, name);
            }
        });
    }

    void putAnnotations(Map<String, String> annotations) {
        annotations.forEach((name, value) -> add(ANNOTATION_PREFIX + name, value, "annotations." + name));
    }

    void putLabels(Map<String, String> labels) {
        labels.forEach((name, value) -> add(attributes.containsKey(name) ? LABEL_PREFIX + name : name, value, "labels." + name));
    }

    /** The attributes, with a problem reported when they are too large together. */
    Map<String, String> complete() {
        if (chars > EventLimits.MAX_ATTRIBUTE_CHARS) {
            alert.report("", (String) null, "too large: " + chars + " characters in the names and values of its"
                    + " attributes (labels, annotations and alert fields; at most " + EventLimits.MAX_ATTRIBUTE_CHARS + ")");
        }
        return attributes;
    }

    private void add(String name, String value, String field) {
        chars += name.length() + value.length();
        if (name.isEmpty() || name.length() > EventLimits.MAX_NAME_CHARS) {
            alert.report(field, value, "attribute name \"" + abbreviated(name) + "\" must have 1 to "
                    + EventLimits.MAX_NAME_CHARS + " characters, got " + name.length());
        } else if (attributes.putIfAbsent(name, value) != null) {
            alert.report(field, value, "duplicate attribute \"" + name + "\"");
        }
    }

    private static String abbreviated(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
