package io.vigil.web.event;

import io.vigil.store.EventRowSink;
import io.vigil.web.system.RequestParams;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The formats of the event export: media type, file extension and writer. */
enum EventExportFormat {

    CSV("text/csv;charset=UTF-8") {
        @Override
        EventRowSink writer(Writer out, JsonMapper json) throws IOException {
            return new EventCsvWriter(out, json);
        }
    },
    JSONL("application/x-ndjson") {
        @Override
        EventRowSink writer(Writer out, JsonMapper json) {
            return new EventJsonLinesWriter(out, json);
        }
    };

    private static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    private final String mediaType;

    EventExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The {@code format} parameter, in any case; 400 naming it when it is none of these. */
    static EventExportFormat of(String format) {
        String name = RequestParams.oneOf("format", format, NAMES);
        if (name == null) {
            throw RequestParams.badValue("format", format, "one of " + String.join(", ", NAMES));
        }
        return valueOf(name);
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A writer of rows to {@code out}; the CSV one writes its header row at once. */
    abstract EventRowSink writer(Writer out, JsonMapper json) throws IOException;
}
