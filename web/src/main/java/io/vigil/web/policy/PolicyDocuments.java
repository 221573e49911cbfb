package io.vigil.web.policy;

import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.PolicyDocumentException;
import io.vigil.session.EngineCommand;
import io.vigil.store.PolicyQueries;
import io.vigil.store.StoredPolicyDocument;
import io.vigil.web.system.EngineCommands;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The escalation-policy document for the API and the console: the one in force (the newest
 * stored, parsed once per version) and its replacement, checked completely here with the engine's
 * own parser so a refused document never reaches the engine; the engine then swaps it in and
 * stores it in one commit.
 */
@Component
class PolicyDocuments {

    /** What a replace answers: the new document's version (SHA-256 of its text) and size. */
    record Replaced(String version, int policies, int schedules) {
    }

    /** The stored row and its parsed document. */
    record Current(StoredPolicyDocument stored, PolicyDocument document) {
    }

    private final PolicyQueries store;
    private final EngineCommands commands;
    private final AtomicReference<Current> parsed = new AtomicReference<>();

    PolicyDocuments(PolicyQueries store, EngineCommands commands) {
        this.store = store;
        this.commands = commands;
    }

    /**
     * @throws PolicyDocumentException with every problem found, when the text is no usable document
     */
    static PolicyDocument validate(String text) {
        if (text == null || text.isBlank()) {
            throw new PolicyDocumentException(List.of("the document is empty: it needs at least users, channels,"
                    + " schedules or policies"));
        }
        return PolicyDocument.parse(text);
    }

    /** Completes once the new document is in force and stored. */
    CompletableFuture<Replaced> replace(PolicyDocument document, String actor) {
        return commands.execute(new EngineCommand.ReplacePolicies(document, actor), "the escalation policies")
                .thenApply(done -> new Replaced(document.version(), document.policies().size(), document.schedules().size()));
    }

    /** The document in force, or empty when none was ever stored (then nobody is notified). */
    Optional<Current> current() {
        Optional<StoredPolicyDocument> stored = store.current();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Current known = parsed.get();
        if (known != null && known.stored().id() == stored.get().id()) {
            return Optional.of(known);
        }
        Current fresh = new Current(stored.get(), PolicyDocument.parse(stored.get().document()));
        parsed.set(fresh);
        return Optional.of(fresh);
    }
}
