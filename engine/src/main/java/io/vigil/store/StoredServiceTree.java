package io.vigil.store;

import java.time.Instant;

/**
 * The service tree as last replaced.
 *
 * @param version  SHA-256 hex of the document
 * @param document canonical YAML, as given to the engine
 * @param services how many services it defines
 */
public record StoredServiceTree(String version, String document, int services, Instant updatedAt, String updatedBy) {
}
