package io.vigil.web.event;

import io.vigil.model.Status;
import io.vigil.store.EventFilter;
import io.vigil.web.system.RequestParams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The event history's filters as query parameters, the same for the list, the export and the
 * console page, and checked the same way for all: a bad value is a 400 naming the parameter and
 * quoting the value. A blank parameter (an empty form field) filters nothing.
 *
 * @param status a comma list of effective statuses ({@code WARNING,CRITICAL}), any case
 * @param from   ISO-8601 instant: events that occurred at or after it
 * @param to     ISO-8601 instant: events that occurred before it
 */
record EventFilterParams(String resource, String check, String source, String status, String category, String from,
                         String to) {

    static final List<String> STATUSES = Arrays.stream(Status.values()).map(Status::name).toList();

    /** The checked filter. */
    EventFilter filter() {
        Instant fromTime = RequestParams.instant("from", from);
        Instant toTime = RequestParams.instant("to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw RequestParams.badValue("from", from, "a time not after \"to\" (" + to + ")");
        }
        List<Status> statuses = RequestParams.eachOneOf("status", status, STATUSES).stream().map(Status::valueOf).toList();
        return new EventFilter(text(resource), text(check), text(source), Set.copyOf(statuses), text(category), fromTime, toTime);
    }

    /**
     * A filter as URL query parameters again ({@code resource=db01&status=WARNING,CRITICAL}), only
     * those it has, encoded as a form would; empty for {@link EventFilter#ANY}.
     */
    static String query(EventFilter filter) {
        StringJoiner query = new StringJoiner("&");
        add(query, "resource", encoded(filter.resource()));
        add(query, "check", encoded(filter.check()));
        add(query, "source", encoded(filter.source()));
        // Status names and ISO-8601 instants hold nothing a query string needs encoded.
        add(query, "status", filter.statuses().isEmpty() ? null
                : filter.statuses().stream().map(Status::name).collect(Collectors.joining(",")));
        add(query, "category", encoded(filter.category()));
        add(query, "from", filter.from() == null ? null : filter.from().toString());
        add(query, "to", filter.to() == null ? null : filter.to().toString());
        return query.toString();
    }

    /** {@code path} with the filter's query parameters and then {@code more} ({@code "limit=100"}). */
    static String link(String path, EventFilter filter, String... more) {
        StringJoiner link = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        String filters = query(filter);
        if (!filters.isEmpty()) {
            link.add(filters);
        }
        Arrays.stream(more).forEach(link::add);
        return link.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + value);
        }
    }

    private static String encoded(String value) {
        return value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
