package io.vigil.web.alert;

import io.vigil.alert.Matcher;
import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's silence form as sent: matchers one per line, a start (empty: now), an end or else a
 * duration, and a comment. Times are what the browser's date-and-time fields give
 * ({@code 2026-12-01T22:00}), meant in the browser's time zone, which static/js/vigil.js puts in
 * {@code zone} (UTC without JavaScript). Every problem is named by its line or field, so the form
 * can come back with the values kept and the problems listed.
 */
record SilenceForm(String matchers, String start, String duration, String end, String zone, String comment) {

    static final Map<String, Duration> DURATIONS = durations();
    static final String DEFAULT_DURATION = "1h";

    /** An empty form (the duration chosen, the zone UTC until the browser says its own) with {@code matchers} filled in. */
    static SilenceForm with(String matchers) {
        return new SilenceForm(matchers, "", DEFAULT_DURATION, "", "UTC", "");
    }

    /** The matchers of the lines that are not blank; null, with each bad line named by its number, unless all read. */
    Matchers readMatchers(List<String> errors) {
        String[] lines = matchers == null ? new String[0] : matchers.split("\\R", -1);
        List<Matcher> read = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            given++;
            Matcher matcher = SilenceChecks.matcher("line " + (i + 1), lines[i], errors);
            if (matcher != null) {
                read.add(matcher);
            }
        }
        if (given == 0 || given > SilenceChecks.MAX_MATCHERS) {
            errors.add("matchers: expected 1 to " + SilenceChecks.MAX_MATCHERS + " matchers, one per line, such as"
                    + " resource=\"db01\"" + (given == 0 ? ", got none" : ", got " + given));
            return null;
        }
        return read.size() == given ? new Matchers(read) : null;
    }

    /** The silence asked for by {@code creator}; null, with every problem, when the form has any. */
    SilenceDefinition definition(String creator, Instant now, List<String> errors) {
        Matchers read = readMatchers(errors);
        ZoneId in = zone(errors);
        SilenceChecks.When from = blank(start) ? new SilenceChecks.When("start", now, "now")
                : new SilenceChecks.When("start", time("start", start, in, errors), start.strip());
        SilenceChecks.When until = blank(end) ? afterDuration(from, errors)
                : new SilenceChecks.When("end", time("end", end, in, errors), end.strip());
        String text = SilenceChecks.comment("comment", comment, null, errors);
        return SilenceChecks.definition("matchers", read, from, until, creator, text, errors);
    }

    private SilenceChecks.When afterDuration(SilenceChecks.When from, List<String> errors) {
        Duration length = duration == null ? null : DURATIONS.get(duration);
        if (length == null) {
            errors.add("duration: expected one of " + String.join(", ", DURATIONS.keySet()) + " (or an end), got \""
                    + (duration == null ? "" : duration) + "\"");
            return new SilenceChecks.When("duration", null, duration);
        }
        return new SilenceChecks.When("duration", from.at() == null ? null : from.at().plus(length), duration);
    }

    private ZoneId zone(List<String> errors) {
        if (blank(zone)) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            errors.add("zone: \"" + zone + "\" is not a time zone such as Europe/Berlin");
            return ZoneOffset.UTC;
        }
    }

    private static Instant time(String field, String text, ZoneId zone, List<String> errors) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field + ": \"" + text + "\" is not a date and time such as 2026-12-01T22:00");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, Duration> durations() {
        Map<String, Duration> durations = new LinkedHashMap<>();
        durations.put("1h", Duration.ofHours(1));
        durations.put("4h", Duration.ofHours(4));
        durations.put("1d", Duration.ofDays(1));
        durations.put("1w", Duration.ofDays(7));
        return durations;
    }
}
