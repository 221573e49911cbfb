package io.vigil.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which services someone may see: ADMIN sees all, everyone else the services of the groups their
 * user or token was granted. The groups travel in the authentication as {@code GROUP_<name>}
 * authorities (set at login and on each bearer request), so no request reads them twice.
 *
 * @param all    true for ADMIN
 * @param groups the granted groups (ignored when {@code all})
 */
public record ServiceAccess(boolean all, Set<String> groups) {

    static final String GROUP_PREFIX = "GROUP_";

    private static final String ADMIN = "ROLE_ADMIN";

    public ServiceAccess {
        groups = Set.copyOf(groups);
    }

    public static ServiceAccess of(Authentication who) {
        Set<String> authorities = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> groups = authorities.stream().filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length())).collect(Collectors.toSet());
        return new ServiceAccess(authorities.contains(ADMIN), groups);
    }

    /** Whether a service of {@code group} is visible; a service with no group is ADMIN's only. */
    public boolean sees(String group) {
        return all || group != null && groups.contains(group);
    }

    static List<GrantedAuthority> authorities(Collection<String> groups) {
        return groups.stream().map(g -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
    }
}
