package io.vigil.intake.http;

/**
 * One problem with a posted request.
 *
 * @param index   the event's position in the posted array; -1 for a single posted object or for
 *                a problem with the body as a whole
 * @param field   the field ("status", "attributes.team"); null when the problem is the whole
 *                event or the whole body
 * @param value   the value as sent (abbreviated when long), or null when there is none
 * @param message what is wrong, lowercase, quoting the bad value where that helps
 */
public record FieldError(int index, String field, String value, String message) {

    private static final int MAX_VALUE_CHARS = 80;

    public FieldError {
        value = abbreviate(value);
    }

    /** A problem with the body as a whole (malformed JSON, too many events). */
    public static FieldError ofBody(String message) {
        return new FieldError(-1, null, null, message);
    }

    /** Where the problem is: "events[3].status", "status" (single object), "events[3]", or "" (body). */
    public String path() {
        String event = index < 0 ? "" : "events[" + index + "]";
        if (field == null) {
            return event;
        }
        return event.isEmpty() ? field : event + "." + field;
    }

    /** "events[3].status: unknown status \"BROKEN\" (...)". */
    public String describe() {
        String path = path();
        return path.isEmpty() ? message : path + ": " + message;
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
