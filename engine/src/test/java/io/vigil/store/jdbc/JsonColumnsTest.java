package io.vigil.store.jdbc;

import io.vigil.audit.FactRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonColumnsTest {

    @Test
    void shouldWriteFactsAsAJsonArrayThatReadsBackExactly() {
        List<FactRef> facts = List.of(
                new FactRef("Event", "event:7", "web01/sshd - from syslog: session opened"),
                new FactRef("Alert", "alert:\"quoted\" \\ back", "tab\there, line\nbreak, return\r, bell\u0007, nul\u0000, ünï ✓ 🚀"),
                new FactRef("Odd", "odd", null));

        String json = JsonColumns.facts(facts);

        assertThat(JsonColumns.facts(json)).isEqualTo(facts);
        assertThat(json).contains("\\u0007", "\\u0000", "\\t", "\\n", "\\r", "\\\"quoted\\\"", "\\\\ back", "\"summary\":null");
    }

    @Test
    void shouldWriteWhatAGenericSerializerWritesForPlainText() {
        List<FactRef> facts = List.of(new FactRef("Event", "event:1", "web01/cpu NORMAL from 10.0.0.1: load 0.3"),
                new FactRef("ElementStatus", "element:web01/cpu", "NORMAL since 2026-11-27T10:00:00Z"));

        assertThat(JsonColumns.facts(facts)).isEqualTo(JsonMapper.builder().build().writeValueAsString(facts));
        assertThat(JsonColumns.facts(List.of())).isEqualTo("[]");
    }

    @Test
    void shouldWriteAttributesAsAJsonObjectThatReadsBackExactlyAndAsAGenericSerializerWouldForPlainText() {
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("facility", "auth");
        odd.put("sd.origin@0.ip", "10.0.0.7");
        odd.put("quote\"key", "tab\there, line\nbreak, bell\u0007, nul\u0000, ünï ✓ 🚀, back\\slash");
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("facility", "daemon");
        plain.put("pid", "812");

        assertThat(JsonColumns.attributes(JsonColumns.attributes(odd))).isEqualTo(odd);
        assertThat(JsonColumns.attributes(plain)).isEqualTo(JsonMapper.builder().build().writeValueAsString(plain))
                .isEqualTo("{\"facility\":\"daemon\",\"pid\":\"812\"}");
        assertThat(JsonColumns.attributes(Map.of())).isNull();
    }
}
