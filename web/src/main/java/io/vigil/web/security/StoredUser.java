package io.vigil.web.security;

import io.vigil.store.access.Role;

import java.util.Set;

/** A user as authentication needs it: the BCrypt hash, roles, service groups and whether they may log in. */
record StoredUser(String username, String passwordHash, Set<Role> roles, Set<String> groups, boolean enabled) {

    StoredUser {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }
}
