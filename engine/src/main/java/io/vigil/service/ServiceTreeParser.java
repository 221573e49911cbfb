package io.vigil.service;

import io.vigil.config.StrictYaml;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Reads service trees as code, YAML or JSON with the same structure, validated strictly in the
 * Alertmanager style: unknown keys and bad values are errors that quote the key or value and name
 * the service, and all of them are reported at once in a {@link ServiceDefinitionException}.
 */
public final class ServiceTreeParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ServiceTreeParser() {
    }

    /** JSON when the text starts with '{' or '[', YAML otherwise. */
    public static ServiceTreeDefinition parse(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? parseJson(text) : parseYaml(text);
    }

    public static ServiceTreeDefinition parseYaml(String text) {
        return DefinitionReader.read(StrictYaml.load(text, ServiceDefinitionException::new));
    }

    public static ServiceTreeDefinition parseJson(String text) {
        Object document;
        try {
            document = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String at = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ServiceDefinitionException(List.of("invalid json" + at + ": " + e.getOriginalMessage()));
        }
        return DefinitionReader.read(document);
    }
}
