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

/**
 * Creates and lists the people who log in and changes their passwords; passwords must pass the
 * {@link PasswordPolicy} and are stored as BCrypt hashes only. Every change evicts the user from
 * the {@link CredentialStore}'s cache, so it takes effect on the next request.
 */
@Service
public class AppUsers {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final CredentialStore credentials;
    private final Clock clock;

    AppUsers(AppUserRepository users, PasswordEncoder passwords, CredentialStore credentials, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Transactional
    public AppUser create(String username, String password, Set<Role> roles, Collection<String> serviceGroups) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "username \"" + username
                    + "\" must be 1 to 64 letters, digits or . _ @ -");
        }
        checkPolicy(username, password);
        if (users.existsById(username)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user \"" + username + "\" already exists");
        }
        AppUser user = users.save(new AppUser(username, passwords.encode(password), roles,
                RequestedGroups.check(serviceGroups), clock.instant()));
        credentials.evictUser(username);
        return user;
    }

    /**
     * Sets a new password for {@code username}; 404 when there is no such user, 400 naming the
     * policy rule the new password breaks.
     */
    @Transactional
    public void changePassword(String username, String newPassword) {
        AppUser user = users.findById(username).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "user \"" + username + "\" does not exist"));
        checkPolicy(username, newPassword);
        user.changePasswordHash(passwords.encode(newPassword));
        credentials.evictUser(username);
    }

    /** Whether {@code password} is the one stored for {@code username} (false for no such user). */
    public boolean passwordMatches(String username, String password) {
        return password != null && users.findById(username)
                .map(u -> passwords.matches(password, u.getPasswordHash())).orElse(false);
    }

    public List<AppUser> list() {
        return users.findAllByOrderByUsernameAsc();
    }

    public boolean none() {
        return users.count() == 0;
    }

    private static void checkPolicy(String username, String password) {
        PasswordPolicy.violation(username, password).ifPresent(rule -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, rule);
        });
    }
}
