package io.vigil.web.security;

import io.vigil.store.access.ServiceGroups;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.Collection;
import java.util.List;

/** Service group names as they arrive in API requests; a bad one is the caller's mistake (400). */
public final class RequestedGroups {

    private RequestedGroups() {
    }

    /** The groups as given (none when absent), or 400 quoting the first bad name. */
    public static Collection<String> check(Collection<String> groups) {
        if (groups == null) {
            return List.of();
        }
        try {
            ServiceGroups.join(groups);
            return groups;
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
