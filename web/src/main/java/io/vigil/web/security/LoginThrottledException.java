package io.vigil.web.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many recent failures for this user name or client address: answered 429 with Retry-After. */
public final class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(String who, Duration wait) {
        super(who + ": try again in " + seconds(wait) + " seconds");
        this.retryAfterSeconds = seconds(wait);
    }

    /** Whole seconds, rounded up and at least 1, as Retry-After wants them. */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
