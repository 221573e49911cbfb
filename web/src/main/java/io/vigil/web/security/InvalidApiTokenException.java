package io.vigil.web.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown or revoked. */
final class InvalidApiTokenException extends AuthenticationException {

    InvalidApiTokenException(String message) {
        super(message);
    }
}
