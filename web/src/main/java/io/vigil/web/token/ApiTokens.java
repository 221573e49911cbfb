package io.vigil.web.token;

import io.vigil.store.access.ApiToken;
import io.vigil.store.access.ApiTokenRepository;
import io.vigil.store.access.Role;
import io.vigil.web.security.CredentialStore;
import io.vigil.web.security.RequestedGroups;
import io.vigil.web.security.StoredToken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Issues, lists, revokes and checks API tokens. */
@Service
public class ApiTokens {

    /** Principals of tokens are "token:NAME" and land in created_by (64 characters). */
    static final int MAX_NAME_LENGTH = 64 - "token:".length();

    private final ApiTokenRepository tokens;
    private final CredentialStore credentials;
    private final TokenUses uses;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, CredentialStore credentials, TokenUses uses, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.uses = uses;
        this.clock = clock;
    }

    /** The new token and its secret, which exists nowhere else from now on. */
    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(String name, Role role, Collection<String> serviceGroups, String createdBy) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "token name \"" + name + "\" must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String secret = TokenSecrets.generate(random);
        ApiToken token = tokens.save(new ApiToken(trimmed, role, RequestedGroups.check(serviceGroups),
                TokenSecrets.hash(secret), clock.instant(), createdBy));
        return new Issued(token, secret);
    }

    public List<ApiToken> list() {
        return tokens.findAllByOrderByIdAsc();
    }

    @Transactional
    public ApiToken revoke(long id) {
        ApiToken token = tokens.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "token " + id + " does not exist"));
        token.revoke(clock.instant());
        credentials.evictToken(token.getTokenHash());
        return token;
    }

    /**
     * The live token with this secret, if any, from the {@link CredentialStore}; its use is noted
     * and stored in the background (see {@link TokenUses}).
     *
     * @throws io.vigil.web.security.CredentialStoreUnavailableException when the database is
     *         unreachable and the token is not cached
     */
    public Optional<StoredToken> authenticate(String secret) {
        if (!secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        Optional<StoredToken> found = credentials.token(TokenSecrets.hash(secret));
        found.ifPresent(t -> uses.record(t.id(), clock.instant()));
        return found;
    }
}
