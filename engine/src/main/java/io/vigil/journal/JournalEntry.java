package io.vigil.journal;

import io.vigil.model.Event;
import io.vigil.model.EventDraft;

/** One journal row: an event with the id the journal gave it. */
public record JournalEntry(long id, EventDraft draft) {

    /** The event as a session fact. */
    public Event toEvent() {
        return new Event(id, draft);
    }
}
