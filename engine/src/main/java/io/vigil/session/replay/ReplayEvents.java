package io.vigil.session.replay;

import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.http.EventLimits;
import io.vigil.intake.http.EventValidationException;
import io.vigil.model.Event;
import io.vigil.model.EventDraft;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads replay input: one event per line, as a JSON object in the REST API's field format
 * (blank lines are skipped). Events are sorted by occurredAt (file order among equal times) and
 * numbered 1..n in that order; those after {@code until} are left out. An event without
 * occurredAt happened when the replay runs, as a posted one would have.
 */
final class ReplayEvents {

    private ReplayEvents() {
    }

    static List<Event> read(Path file, Instant until, Clock clock) throws IOException {
        EventJsonParser parser = new EventJsonParser(clock, EventLimits.DEFAULT);
        List<EventDraft> drafts = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                drafts.addAll(parse(parser, line, "line " + number));
            }
        }
        return numbered(drafts, until);
    }

    /** Events given one JSON object per entry (a rule test's), named {@code events[i]} in messages. */
    static List<Event> fromLines(List<String> lines, Clock clock) {
        EventJsonParser parser = new EventJsonParser(clock, EventLimits.DEFAULT);
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            drafts.addAll(parse(parser, lines.get(i), "events[" + i + "]"));
        }
        return numbered(drafts, null);
    }

    private static List<Event> numbered(List<EventDraft> drafts, Instant until) {
        List<EventDraft> sorted = drafts.stream()
                .filter(d -> until == null || !d.occurredAt().isAfter(until))
                .sorted(Comparator.comparing(EventDraft::occurredAt))
                .toList();
        List<Event> events = new ArrayList<>(sorted.size());
        for (EventDraft draft : sorted) {
            events.add(new Event(events.size() + 1, draft));
        }
        return events;
    }

    private static List<EventDraft> parse(EventJsonParser parser, String line, String place) {
        if (!line.stripLeading().startsWith("{")) {
            throw new ReplayInputException(place + ": expected one JSON event object per line");
        }
        try {
            return parser.parseBody(line.getBytes(StandardCharsets.UTF_8), "replay");
        } catch (EventValidationException e) {
            throw new ReplayInputException(place + ": " + e.getMessage());
        }
    }
}
