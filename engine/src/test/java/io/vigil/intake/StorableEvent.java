package io.vigil.intake;

import io.vigil.intake.http.EventLimits;
import io.vigil.model.EventDraft;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented limits every accepted event keeps, whatever intake made it: what the journal can
 * store as sent (no text that the database would turn into '?', nothing over its columns). The
 * bound on the raw text is each intake's own and checked by its caller. The fuzz tests check every
 * event their parsers accept against it.
 */
public final class StorableEvent {

    private StorableEvent() {
    }

    public static void assertStorable(EventDraft draft) {
        assertName(draft.source(), "source");
        assertName(draft.resource(), "resource");
        assertName(draft.check(), "check");
        assertThat(EventLimits.isStorable(draft.occurredAt())).as("occurredAt %s storable", draft.occurredAt()).isTrue();
        assertThat(EventLimits.isStorable(draft.receivedAt())).as("receivedAt %s storable", draft.receivedAt()).isTrue();
        if (draft.message() != null) {
            assertThat(draft.message().length()).as("message length").isLessThanOrEqualTo(EventLimits.MAX_MESSAGE_CHARS);
            assertWellFormed(draft.message(), "message");
        }
        int attributeChars = 0;
        for (Map.Entry<String, String> attribute : draft.attributes().entrySet()) {
            assertThat(attribute.getKey()).as("attribute name").isNotEmpty();
            assertThat(attribute.getKey().length()).as("attribute name length").isLessThanOrEqualTo(EventLimits.MAX_NAME_CHARS);
            assertWellFormed(attribute.getKey(), "attribute name");
            assertWellFormed(attribute.getValue(), "attribute " + attribute.getKey());
            attributeChars += attribute.getKey().length() + attribute.getValue().length();
        }
        assertThat(attributeChars).as("attribute characters").isLessThanOrEqualTo(EventLimits.MAX_ATTRIBUTE_CHARS);
        assertThat(draft.raw()).as("raw").isNotNull();
        assertWellFormed(draft.raw(), "raw");
    }

    private static void assertName(String name, String field) {
        assertThat(name).as(field).isNotBlank();
        assertThat(name.length()).as(field + " length").isLessThanOrEqualTo(EventLimits.MAX_NAME_CHARS);
        assertWellFormed(name, field);
    }

    /** No lone surrogate: utf8mb4 has no encoding for one, and the database would store '?'. */
    private static void assertWellFormed(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                assertThat(Character.isSurrogate(c)).as("%s has a lone surrogate at %d", field, i).isFalse();
            }
        }
    }
}
