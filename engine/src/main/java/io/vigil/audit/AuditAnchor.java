package io.vigil.audit;

import java.time.Instant;

/**
 * Where the audit trail's hash chain stood: its newest firing and that firing's hash, and how many
 * firings there were. Kept outside Vigil, it lets verification detect that newest firings were
 * removed.
 */
public record AuditAnchor(long id, Instant recordedAt, long lastFiringId, long firings, String headHash,
                          String recordedBy) {
}
