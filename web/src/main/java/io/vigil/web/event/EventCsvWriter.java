package io.vigil.web.event;

import io.vigil.store.EventRow;
import io.vigil.store.EventRowSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Events as CSV: a header row, then one row per event with the list API's fields as columns, in
 * its order and written as the API writes them (ISO-8601 times, enum names); the attributes as one
 * column holding their JSON object, a missing value as an empty field.
 */
final class EventCsvWriter implements EventRowSink {

    static final List<String> COLUMNS = Arrays.stream(EventRow.class.getRecordComponents()).map(RecordComponent::getName).toList();

    private final CsvWriter csv;
    private final JsonMapper json;

    /** Writes the header row. */
    EventCsvWriter(Writer out, JsonMapper json) throws IOException {
        this.csv = new CsvWriter(out);
        this.json = json;
        csv.row(COLUMNS);
    }

    @Override
    public void accept(EventRow row) throws IOException {
        JsonNode fields = json.valueToTree(row);
        csv.row(COLUMNS.stream().map(column -> text(fields.get(column))).toList());
    }

    private String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : json.writeValueAsString(value);
    }
}
