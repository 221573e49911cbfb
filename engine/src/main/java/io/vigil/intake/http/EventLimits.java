package io.vigil.intake.http;

import java.time.Instant;

/**
 * Limits on posted events. The per-field limits follow the journal's columns (names are
 * VARCHAR(255), attributes a JSON TEXT of at most 64 KiB): a value the journal cannot store must be
 * refused here, because a failing row would fail the group commit that other requests share.
 *
 * @param maxEventsPerRequest how many events one request may carry (default 10,000)
 */
public record EventLimits(int maxEventsPerRequest) {

    /** source, resource, check and attribute names. */
    public static final int MAX_NAME_CHARS = 255;
    public static final int MAX_MESSAGE_CHARS = 65_536;
    /**
     * Attribute names and values together. Even if every character needed a six-byte JSON escape,
     * 8,192 characters stay within the 64 KiB column.
     */
    public static final int MAX_ATTRIBUTE_CHARS = 8_192;

    public static final EventLimits DEFAULT = new EventLimits(10_000);

    private static final Instant EARLIEST_TIME = Instant.EPOCH;
    private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Whether the journal (DATETIME(3) in UTC) can store this time: 1970 to 9999. */
    public static boolean isStorable(Instant time) {
        return !time.isBefore(EARLIEST_TIME) && !time.isAfter(LATEST_TIME);
    }

    public EventLimits {
        if (maxEventsPerRequest < 1) {
            throw new IllegalArgumentException("max events per request must be at least 1, got " + maxEventsPerRequest);
        }
    }
}
