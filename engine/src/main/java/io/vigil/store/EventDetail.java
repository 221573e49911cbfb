package io.vigil.store;

/**
 * One event with the text it arrived as (the end of the audit chain: incident, firing, event, raw).
 *
 * @param rawBase64 the bytes as received, Base64, when they were not valid UTF-8 ({@code raw} then shows
 *                  them decoded with U+FFFD); null when {@code raw} is exactly what arrived
 */
public record EventDetail(EventRow event, String raw, String rawBase64) {
}
