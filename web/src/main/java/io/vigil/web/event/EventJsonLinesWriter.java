package io.vigil.web.event;

import io.vigil.store.EventRow;
import io.vigil.store.EventRowSink;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;

/** Events as JSON lines: each one object with the list API's fields, as the API writes it, ended by LF. */
final class EventJsonLinesWriter implements EventRowSink {

    private final Writer out;
    private final JsonMapper json;

    EventJsonLinesWriter(Writer out, JsonMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(EventRow row) throws IOException {
        out.write(json.writeValueAsString(row));
        out.write('\n');
    }
}
