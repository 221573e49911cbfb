package io.vigil.web.security;

import io.vigil.store.access.AppUser;
import io.vigil.store.access.AppUserRepository;
import io.vigil.store.access.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Form login and HTTP Basic read users from the app_user table. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findById(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user \"" + username + "\""));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .roles(user.getRoles().stream().map(Role::name).toArray(String[]::new))
                .disabled(!user.isEnabled())
                .build();
    }
}
