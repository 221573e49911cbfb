package io.vigil.web.token;

import io.vigil.store.access.ApiToken;
import io.vigil.store.access.Role;
import io.vigil.web.security.RequestedRoles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** API tokens for integrations (ADMIN): create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, String role, List<String> groups) {
    }

    record IssuedToken(long id, String name, Role role, Set<String> groups, String token) {
    }

    record TokenView(long id, String name, Role role, Set<String> groups, Instant createdAt, String createdBy,
                     Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getRole(), t.getServiceGroups(), t.getCreatedAt(), t.getCreatedBy(),
                    t.getLastUsedAt(), t.getRevokedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@RequestBody NewToken request, Authentication who) {
        Role role = RequestedRoles.parse(request.role());
        ApiTokens.Issued issued = tokens.issue(request.name(), role, request.groups(), who.getName());
        ApiToken token = issued.token();
        return new IssuedToken(token.getId(), token.getName(), token.getRole(), token.getServiceGroups(), issued.secret());
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
