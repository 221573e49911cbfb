package io.vigil.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DATETIME columns hold UTC wall time. Passing LocalDateTime (never java.sql.Timestamp) keeps the
 * JVM's zone out of the round trip: a Timestamp is converted through the default zone, which
 * shifts values between hosts and makes hours ambiguous at a DST change, and the audit chain
 * hashes these values, so they must read back exactly as written.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime toColumn(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static LocalDateTime toColumn(Instant instant) {
        return toColumn(instant.toEpochMilli());
    }

    /** The column as an Instant, or null when it is NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static long epochMillis(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
