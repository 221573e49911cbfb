package io.vigil.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How authentication caches credentials and throttles failures, under {@code vigil.auth.*}
 * (VIGIL_AUTH_CACHE_FRESH, VIGIL_AUTH_THROTTLE_USERFREEFAILURES, …).
 *
 * @param cache    verified users and tokens kept in memory, see {@link CredentialCache}
 * @param throttle failed logins and bearer tokens, see {@link LoginThrottle}
 */
@ConfigurationProperties("vigil.auth")
public record AuthProperties(@DefaultValue Cache cache, @DefaultValue Throttle throttle) {

    /**
     * @param fresh      how long a verified credential answers without reading the database
     * @param staleLimit how long it still answers while the database is unreachable
     * @param capacity   at most this many users and as many tokens are kept
     */
    public record Cache(@DefaultValue("30s") Duration fresh, @DefaultValue("10m") Duration staleLimit,
                        @DefaultValue("10000") int capacity) {
    }

    /**
     * @param userFreeFailures    failed logins of one user name before it is locked
     * @param addressFreeFailures failed logins and bearer tokens from one client address before it is locked
     * @param firstLock           the first lock; each further failure doubles it
     * @param maxLock             the longest lock
     * @param forgetAfter         failures are forgotten after this long without one
     * @param capacity            at most this many user names and as many addresses are tracked
     */
    public record Throttle(@DefaultValue("5") int userFreeFailures, @DefaultValue("20") int addressFreeFailures,
                           @DefaultValue("2s") Duration firstLock, @DefaultValue("15m") Duration maxLock,
                           @DefaultValue("1h") Duration forgetAfter, @DefaultValue("10000") int capacity) {
    }
}
