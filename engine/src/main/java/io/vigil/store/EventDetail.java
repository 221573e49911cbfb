package io.vigil.store;

/** One event with the text it arrived as (the end of the audit chain: incident, firing, event, raw). */
public record EventDetail(EventRow event, String raw) {
}
