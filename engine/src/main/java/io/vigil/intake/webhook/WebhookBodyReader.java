package io.vigil.intake.webhook;

import io.vigil.intake.http.EventValidationException;
import io.vigil.intake.http.FieldError;
import io.vigil.intake.http.JsonBodyProblems;
import io.vigil.intake.http.JsonValues;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a webhook body in one pass: the payload as a tree (it is small next to a 10,000-event
 * batch, and checked field by field afterwards) while slicing each alert's exact text from the
 * bytes. The same checks as for posted events come first: strict UTF-8, well-formed JSON, and no
 * field twice in one object (which a tree would silently reduce to the last one).
 */
final class WebhookBodyReader {

    static final String ALERTS = "alerts";

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private WebhookBodyReader() {
    }

    /** @throws EventValidationException for a body that is not UTF-8, not JSON, or not a JSON object */
    static WebhookBody read(byte[] body) {
        JsonBodyProblems.requireUtf8Text(body);
        try (JsonParser json = JSON.createParser(body)) {
            WebhookBody read = readObject(json, body);
            if (json.nextToken() != null) {
                throw JsonBodyProblems.malformed(json.currentTokenLocation(), "unexpected content after the end of the JSON value");
            }
            return read;
        } catch (JacksonException e) {
            throw JsonBodyProblems.malformed(e.getLocation(), e.getOriginalMessage());
        }
    }

    private static WebhookBody readObject(JsonParser json, byte[] body) {
        JsonToken first = json.nextToken();
        if (first == null) {
            throw new EventValidationException(FieldError.ofBody("empty body: expected a JSON object"));
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode value = json.readValueAsTree();
            throw new EventValidationException(FieldError.ofBody("expected a JSON object, got "
                    + JsonValues.describe(first, value.isString() ? value.asString() : value.toString())));
        }
        ObjectNode payload = JSON.createObjectNode();
        List<String> alertTexts = new ArrayList<>();
        for (String name = json.nextName(); name != null; name = json.nextName()) {
            JsonToken token = json.nextToken();
            payload.set(name, ALERTS.equals(name) && token == JsonToken.START_ARRAY
                    ? readAlerts(json, body, alertTexts) : json.readValueAsTree());
        }
        return new WebhookBody(payload, alertTexts);
    }

    private static ArrayNode readAlerts(JsonParser json, byte[] body, List<String> texts) {
        ArrayNode alerts = JSON.createArrayNode();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            int start = (int) json.currentTokenLocation().getByteOffset();
            alerts.add((JsonNode) json.readValueAsTree());
            int end = (int) json.currentLocation().getByteOffset();
            texts.add(new String(body, start, end - start, StandardCharsets.UTF_8));
        }
        return alerts;
    }
}
