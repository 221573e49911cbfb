package io.vigil.web.security;

import org.springframework.security.authentication.InternalAuthenticationServiceException;

import java.time.Duration;

/**
 * Users and tokens could not be read: the database is down or does not answer. Not a wrong
 * credential, so it is answered 503 with Retry-After (the API) or said as such on the login page,
 * never as a 401. An {@link InternalAuthenticationServiceException}, so Spring Security's
 * providers hand it on unchanged instead of turning it into "bad credentials".
 */
public final class CredentialStoreUnavailableException extends InternalAuthenticationServiceException {

    /** What a caller is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    static final String DETAIL = "the credential store is unreachable: the database does not answer, so credentials"
            + " cannot be checked; try again in " + RETRY_AFTER.toSeconds() + " seconds";

    CredentialStoreUnavailableException(Throwable cause) {
        super(DETAIL, cause);
    }
}
