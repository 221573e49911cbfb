package io.vigil.store.jdbc;

/**
 * Makes text fit its VARCHAR column. The outcome writer retries a failed transaction until it
 * commits (it never drops a batch), so a value the database would refuse as too long would stall
 * the engine for good; cutting it to size keeps the pipeline moving and the row readable.
 */
public final class Columns {

    private Columns() {
    }

    /** The text cut to {@code maxChars} characters (an ellipsis marking the cut), or null for null. */
    public static String fit(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars - 1) + "…";
    }
}
