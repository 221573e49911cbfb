package io.vigil.web.security;

import io.vigil.store.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Role names as they arrive in API requests; a bad one is the caller's mistake (400). */
public final class RequestedRoles {

    private RequestedRoles() {
    }

    public static Role parse(String name) {
        try {
            return Role.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    public static Set<Role> parseAll(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "roles must name at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(parse(n)));
        return roles;
    }
}
