package io.vigil.intake;

import io.vigil.model.EventDraft;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where every intake (REST, syslog, webhooks) hands its validated events. The future completes
 * with the events' ids, in order, only after all of them are committed to the journal; the
 * drafts of one call are committed together (all or nothing), possibly in one transaction with
 * other calls (group commit).
 */
public interface EventIntake {

    /**
     * @throws IntakeRejectedException at once, before anything is stored, when the engine queue
     *                                 cannot take this many events now (the caller pushes back:
     *                                 HTTP 429/503 with Retry-After, syslog TCP stops reading)
     */
    CompletableFuture<List<Long>> submit(List<EventDraft> drafts);
}
