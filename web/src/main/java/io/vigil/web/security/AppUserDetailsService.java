package io.vigil.web.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * Form login and HTTP Basic read users from the {@link CredentialStore}: their roles and service
 * groups. Each call builds new details, because Spring Security erases the password of the details
 * it was given once a login succeeds, and the cached user must keep its hash.
 */
final class AppUserDetailsService implements UserDetailsService {

    private final CredentialStore credentials;

    AppUserDetailsService(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser user = credentials.user(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user \"" + username + "\""));
        List<GrantedAuthority> authorities = new ArrayList<>(ServiceAccess.authorities(user.groups()));
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(authorities)
                .disabled(!user.enabled())
                .build();
    }
}
