package io.vigil.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the engine knows every journal id to be accounted for: processed, or declared absent by
 * the journal writer (a transaction that certainly failed). Stored with the checkpoint, it bounds
 * what recovery must scan for journaled events that never reached the engine: normally nothing.
 *
 * <p>It moves only over an unbroken run of ids. An id that is skipped without a word from the
 * journal writer stops it until the next start, whose recovery scan then looks from here on.
 * Before recovery has checked the journal below the checkpoint it is unknown (0).
 */
final class JournalContinuity {

    private static final Logger log = LoggerFactory.getLogger(JournalContinuity.class);

    private long upTo;
    private boolean known;
    private boolean broken;

    /** Recovery has checked (and processed) everything up to {@code eventId}. */
    void verified(long eventId) {
        upTo = Math.max(upTo, eventId);
        known = true;
    }

    /** Events the engine is about to process, in id order. */
    void processed(long firstId, long lastId) {
        advance(firstId, lastId);
    }

    /** Ids the journal writer gave up on: certainly not stored. */
    void absent(long firstId, long lastId) {
        advance(firstId, lastId);
    }

    private void advance(long firstId, long lastId) {
        if (!known || broken) {
            return;
        }
        if (firstId > upTo + 1) {
            broken = true;
            log.warn("journal ids {}..{} never reached the engine; the next start checks the journal from {} on",
                    upTo + 1, firstId - 1, upTo + 1);
            return;
        }
        upTo = Math.max(upTo, lastId);
    }

    /** Every journal id up to this one is accounted for; 0 while unknown. */
    long upTo() {
        return known ? upTo : 0;
    }
}
