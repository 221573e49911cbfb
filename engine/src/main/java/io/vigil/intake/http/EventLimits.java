package io.vigil.intake.http;

import java.time.Instant;

/**
 * Limits on posted events. The per-field limits follow the journal's columns (names are
 * VARCHAR(255), attributes a JSON TEXT of at most 64 KiB): a value the journal cannot store must be
 * refused here, because a failing row would fail the group commit that other requests share.
 *
 * <p>The same holds for an event as a whole: its raw text (the posted object verbatim, with any
 * whitespace in it) is stored too, and a row larger than the server's {@code max_allowed_packet}
 * (16 MiB by default) fails the whole commit. So each event's raw text is bounded by
 * {@code maxEventBytes}, which may be configured up to {@value #MAX_EVENT_BYTES_CEILING} bytes: a
 * journal row holds the raw text plus the message (at most 64 Ki characters, up to 256 KiB) and
 * the attributes (at most 64 KiB), so even at the ceiling one row stays under the journal's 4 MiB
 * bulk-insert chunk ({@code JdbcBatches.CHUNK_BYTES}) and far under the packet limit.
 *
 * @param maxEventsPerRequest how many events one request may carry (default 10,000)
 * @param maxEventBytes       the largest raw text of one event, in UTF-8 bytes (default 1 MiB)
 */
public record EventLimits(int maxEventsPerRequest, int maxEventBytes) {

    /** source, resource, check and attribute names. */
    public static final int MAX_NAME_CHARS = 255;
    public static final int MAX_MESSAGE_CHARS = 65_536;
    /**
     * Attribute names and values together. Even if every character needed a six-byte JSON escape,
     * 8,192 characters stay within the 64 KiB column.
     */
    public static final int MAX_ATTRIBUTE_CHARS = 8_192;
    public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;
    /** The most {@code maxEventBytes} (and the syslog frame length) may be set to. */
    public static final int MAX_EVENT_BYTES_CEILING = 2 << 20;
    /** The least: an event with a 255-character source and resource must fit. */
    public static final int MIN_EVENT_BYTES = 1024;

    public static final EventLimits DEFAULT = new EventLimits(10_000, DEFAULT_MAX_EVENT_BYTES);

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
        if (maxEventBytes < MIN_EVENT_BYTES || maxEventBytes > MAX_EVENT_BYTES_CEILING) {
            throw new IllegalArgumentException("max event size must be " + MIN_EVENT_BYTES + " to " + MAX_EVENT_BYTES_CEILING
                    + " bytes, got " + maxEventBytes);
        }
    }
}
