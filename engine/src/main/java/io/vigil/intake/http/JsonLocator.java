package io.vigil.intake.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Names the place in a posted body that a byte offset falls in ("events[3].message"), so that a
 * problem found by scanning the bytes can be reported like any other field error. Used only on
 * the error path: it reads the body again with Jackson up to that offset.
 */
final class JsonLocator {

    /** @param index the event's position in a posted array, -1 when not in one; @param field null when not in a field */
    record Place(int index, String field) {

        static final Place BODY = new Place(-1, null);
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonLocator() {
    }

    /** The place of the token that contains {@code offset}; {@link Place#BODY} when the body cannot be read that far. */
    static Place locate(byte[] body, long offset) {
        Place place = Place.BODY;
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (json.currentTokenLocation().getByteOffset() > offset) {
                    return place;
                }
                place = placeOf(json.streamReadContext(), token == JsonToken.PROPERTY_NAME);
            }
            return place;
        } catch (JacksonException e) {
            // Stopped at or after the offset: the last token read is where the problem is; before it, we do not know.
            boolean reached = e.getLocation() != null && e.getLocation().getByteOffset() >= offset;
            return reached ? place : Place.BODY;
        }
    }

    /** @param inName the offset is in a property name, which is then no place to name (it is the broken part) */
    private static Place placeOf(TokenStreamContext context, boolean inName) {
        Deque<TokenStreamContext> chain = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        int index = -1;
        StringBuilder field = new StringBuilder();
        boolean outermost = true;
        for (TokenStreamContext c : chain) {
            if (outermost && c.inArray()) {
                index = c.getCurrentIndex();
            } else if (c.inArray()) {
                field.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.currentName() != null && !(inName && c == context)) {
                field.append(field.length() == 0 ? "" : ".").append(c.currentName());
            }
            outermost = false;
        }
        return new Place(index, field.length() == 0 ? null : field.toString());
    }
}
