package io.vigil.store.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user or an API token may do. ADMIN implies every other role (the web layer's role
 * hierarchy); the others are independent, so an integrator's token cannot read incidents.
 */
public enum Role {
    ANALYST, OPERATOR, INTEGRATOR, AUDITOR, ADMIN;

    private static final String EXPECTED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Parses a role name in any case; throws IllegalArgumentException quoting the bad value. */
    public static Role parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("role \"" + text + "\" is empty (expected one of " + EXPECTED + ")");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role \"" + text + "\" (expected one of " + EXPECTED + ")");
        }
    }

    /** The roles of a stored comma-separated column ({@code ADMIN,OPERATOR}); empty for "". */
    public static Set<Role> split(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).filter(r -> !r.isBlank()).map(Role::parse).forEach(roles::add);
        return roles;
    }
}
