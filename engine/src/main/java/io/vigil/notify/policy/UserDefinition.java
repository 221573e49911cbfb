package io.vigil.notify.policy;

/**
 * Someone who can be notified (by e-mail) directly or through a schedule.
 *
 * @param name        the key under {@code users}, e.g. "alice"
 * @param displayName the {@code name} given, or the key when none was
 */
public record UserDefinition(String name, String displayName, String email) {
}
