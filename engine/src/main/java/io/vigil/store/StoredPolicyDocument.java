package io.vigil.store;

import java.time.Instant;

/**
 * The escalation-policy document in force: the newest row of {@code policy_document}.
 *
 * @param version   SHA-256 hex of the text
 * @param document  the YAML text as the administrator sent it (it holds channel secrets)
 * @param policies  how many policies it defines
 * @param schedules how many on-call schedules it defines
 */
public record StoredPolicyDocument(long id, String version, String document, int policies, int schedules,
                                   String replacedBy, Instant replacedAt) {
}
