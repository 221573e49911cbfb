package io.vigil.web.security;

import io.vigil.store.access.AppUser;
import io.vigil.store.access.AppUserRepository;
import io.vigil.store.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates and lists the people who log in; passwords are stored as BCrypt hashes only. */
@Service
public class AppUsers {

    static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public AppUsers(AppUserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public AppUser create(String username, String password, Set<Role> roles, Collection<String> serviceGroups) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "username \"" + username
                    + "\" must be 1 to 64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.existsById(username)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user \"" + username + "\" already exists");
        }
        return users.save(new AppUser(username, passwords.encode(password), roles, RequestedGroups.check(serviceGroups),
                clock.instant()));
    }

    public List<AppUser> list() {
        return users.findAllByOrderByUsernameAsc();
    }

    public boolean none() {
        return users.count() == 0;
    }
}
