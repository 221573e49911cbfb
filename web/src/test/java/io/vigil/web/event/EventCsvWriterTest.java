package io.vigil.web.event;

import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.store.EventRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class EventCsvWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.250Z");

    private final StringWriter out = new StringWriter();

    @Test
    void shouldHeadTheColumnsWithTheListApisFieldNamesInItsOrder() throws IOException {
        new EventCsvWriter(out, JSON);

        assertThat(out.toString()).isEqualTo("id,receivedAt,occurredAt,transport,source,resource,check,receivedStatus,severity,"
                + "message,attributes,category,status\r\n");
        assertThat(EventCsvWriter.COLUMNS).containsExactlyElementsOf(JSON.valueToTree(row("m", Map.of())).propertyNames());
    }

    @Test
    void shouldWriteEachFieldAsTheApiDoesWithTheAttributesAsOneJsonColumn() throws IOException {
        EventCsvWriter writer = new EventCsvWriter(out, JSON);

        writer.accept(row("disk \"/var\" at 91%, growing\nsecond line", new TreeMap<>(Map.of("team", "dba", "note", "a,b"))));

        assertThat(out.toString().lines().skip(1).toList()).containsExactly(
                "7,2026-11-21T10:00:00.250Z,2026-11-21T09:59:59Z,rest,nagios,db01,disk,,WARNING,\"disk \"\"/var\"\" at 91%, growing",
                "second line\",\"{\"\"note\"\":\"\"a,b\"\",\"\"team\"\":\"\"dba\"\"}\",,");
    }

    private static EventRow row(String message, Map<String, String> attributes) {
        return new EventRow(7, AT, Instant.parse("2026-11-21T09:59:59Z"), "rest", "nagios", "db01", "disk", null,
                Severity.WARNING, message, attributes, null, null);
    }
}
