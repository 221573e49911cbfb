package io.vigil.web.security;

import io.vigil.store.access.AppUser;
import io.vigil.store.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Console accounts (ADMIN), so operators, analysts and auditors can log in; groups say which
 * services they see. A password is changed by ADMIN, or by its user giving the current one.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private static final String ROLE_ADMIN = "ROLE_" + Role.ADMIN.name();

    private final AppUsers users;
    private final InitialAdminPassword initialPassword;

    UserController(AppUsers users, InitialAdminPassword initialPassword) {
        this.users = users;
        this.initialPassword = initialPassword;
    }

    record NewUser(String username, String password, List<String> roles, List<String> groups) {
    }

    /** @param currentPassword needed unless the caller is ADMIN */
    record NewPassword(String password, String currentPassword) {
    }

    record UserView(String username, Set<Role> roles, Set<String> groups, boolean enabled, Instant createdAt) {

        static UserView of(AppUser u) {
            return new UserView(u.getUsername(), u.getRoles(), u.getServiceGroups(), u.isEnabled(), u.getCreatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody NewUser request) {
        return UserView.of(users.create(request.username(), request.password(), RequestedRoles.parseAll(request.roles()),
                request.groups()));
    }

    @GetMapping
    List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PutMapping("/{name}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@PathVariable String name, @RequestBody NewPassword request, Authentication who) {
        boolean admin = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLE_ADMIN::equals);
        if (!admin) {
            if (!name.equals(who.getName())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "only ADMIN or \"" + name + "\" may change the password of \"" + name + "\"");
            }
            if (!users.passwordMatches(name, request.currentPassword())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "currentPassword does not match the password of \"" + name + "\"");
            }
        }
        users.changePassword(name, request.password());
        if (AdminBootstrap.ADMIN.equals(name)) {
            initialPassword.delete();
        }
    }
}
