package io.vigil.alert;

import io.vigil.session.CommandResult;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The silences of one session as {@link Silence} facts: those of the services-as-code document
 * ("code-N", replaced with the document) and those made through the API (ids of their own). Switches
 * each on at its start and removes it at its end, on the session clock; the rules (silences.drl) do
 * the silencing. Engine thread only.
 */
final class Silences {

    private final Outcomes outcomes;
    private final AlertBook book;
    private final DueList due;
    private final Supplier<Long> clock;
    private final Map<String, FactHandle> byId = new HashMap<>();
    private KieSession session;

    Silences(Outcomes outcomes, AlertBook book, DueList due, Supplier<Long> clock) {
        this.outcomes = outcomes;
        this.book = book;
        this.due = due;
        this.clock = clock;
    }

    void attach(KieSession kieSession) {
        session = kieSession;
        byId.clear();
        for (FactHandle handle : kieSession.getFactHandles(new ClassObjectFilter(Silence.class))) {
            Silence silence = (Silence) kieSession.getObject(handle);
            byId.put(silence.getId(), handle);
            due.silence(silence.isActive() ? silence.getEnd() : silence.getStart(), silence.getId());
        }
    }

    /** The document's silences replace those of the previous document. */
    void configure(List<SilenceDefinition> coded) {
        for (Map.Entry<String, FactHandle> entry : List.copyOf(byId.entrySet())) {
            if (entry.getKey().startsWith("code-")) {
                session.delete(entry.getValue());
                byId.remove(entry.getKey());
            }
        }
        for (int i = 0; i < coded.size(); i++) {
            put(Silence.of("code-" + (i + 1), coded.get(i)));
        }
    }

    /** A silence made through the API, with a new id; one that ended already is refused. */
    CommandResult add(SilenceDefinition definition, String actor) {
        long now = clock.get();
        if (definition.end().toEpochMilli() <= now) {
            return CommandResult.conflict("the silence ended already: end " + definition.end() + " is not after now ("
                    + Instant.ofEpochMilli(now) + ")");
        }
        long id = book.sequence().nextSilence();
        put(Silence.of(Long.toString(id), definition));
        book.markStateChanged();
        outcomes.emit(new Outcome.SilenceAdded(id, definition.matchers().texts(), definition.start().toEpochMilli(),
                definition.end().toEpochMilli(), actor, definition.comment(), now));
        return CommandResult.created(id);
    }

    /** A stored silence, put back into a session started without a snapshot (quiet: it is stored). */
    void restore(long id, SilenceDefinition definition) {
        put(Silence.of(Long.toString(id), definition));
    }

    CommandResult expire(long id, String actor) {
        FactHandle handle = byId.remove(Long.toString(id));
        if (handle == null) {
            return CommandResult.notFound("silence " + id + " is not active or pending (it does not exist or has ended)");
        }
        session.delete(handle);
        book.markStateChanged();
        outcomes.emit(new Outcome.SilenceExpired(id, actor, clock.get()));
        return CommandResult.done();
    }

    /** The API silence with this id, or null. */
    Silence get(long id) {
        FactHandle handle = byId.get(Long.toString(id));
        return handle == null ? null : (Silence) session.getObject(handle);
    }

    /** Its start or end came: switch it on, or remove it. */
    void due(String silenceId, long at) {
        FactHandle handle = byId.get(silenceId);
        Silence silence = handle == null ? null : (Silence) session.getObject(handle);
        if (silence == null) {
            return;
        }
        if (!silence.isActive() && silence.getStart() <= at && at < silence.getEnd()) {
            silence.setActive(true);
            session.update(handle, silence, "active");
            due.silence(silence.getEnd(), silenceId);
            book.markStateChanged();
        } else if (at >= silence.getEnd()) {
            session.delete(handle);
            byId.remove(silenceId);
            book.markStateChanged();
        }
    }

    private void put(Silence silence) {
        long now = clock.get();
        if (now >= silence.getEnd()) {
            return;
        }
        silence.setActive(now >= silence.getStart());
        byId.put(silence.getId(), session.insert(silence));
        due.silence(silence.isActive() ? silence.getEnd() : silence.getStart(), silence.getId());
    }
}
