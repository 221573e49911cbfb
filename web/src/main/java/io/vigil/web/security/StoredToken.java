package io.vigil.web.security;

import io.vigil.store.access.Role;

import java.util.Set;

/** A live (unrevoked) API token as authentication needs it. */
public record StoredToken(long id, String name, Role role, Set<String> groups) {

    public StoredToken {
        groups = Set.copyOf(groups);
    }
}
