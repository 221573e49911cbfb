package io.vigil.web.security;

import io.vigil.store.access.AppUser;
import io.vigil.store.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Console accounts (ADMIN), so operators, analysts and auditors can log in; groups say which services they see. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final AppUsers users;

    UserController(AppUsers users) {
        this.users = users;
    }

    record NewUser(String username, String password, List<String> roles, List<String> groups) {
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
}
