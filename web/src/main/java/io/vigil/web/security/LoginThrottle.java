package io.vigil.web.security;

import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing. Failed logins (form and HTTP Basic) count against the user name
 * and the client address, wrong bearer tokens against the address. Past a few free failures each
 * further one locks that name or address for a time that doubles up to a maximum; while locked,
 * attempts are refused before any password is checked or any database is read. A successful login
 * clears the user's failures (not the address's, or one valid account would reset an attacker's
 * address). Failures are forgotten after a quiet hour.
 *
 * <p>All in memory, for one node. Names and addresses come from callers, so each tally keeps at
 * most {@code capacity} of them, least recently used out first; IPv6 clients are counted by their
 * /64, which is what one of them usually controls.
 */
@Component
public class LoginThrottle {

    /** Longer than any valid user name (64), so a cut key never equals a real one. */
    private static final int MAX_KEY = 65;

    private final Clock clock;
    private final Tally users;
    private final Tally addresses;

    LoginThrottle(AuthProperties properties, Clock clock) {
        AuthProperties.Throttle throttle = properties.throttle();
        this.clock = clock;
        this.users = new Tally(throttle.userFreeFailures(), throttle);
        this.addresses = new Tally(throttle.addressFreeFailures(), throttle);
    }

    /**
     * @param username the name tried, or null for a bearer token
     * @throws LoginThrottledException when the name or the address is locked now
     */
    void check(String username, String address) {
        Instant now = clock.instant();
        Duration userLock = username == null ? Duration.ZERO : users.lockedFor(userKey(username), now);
        Duration addressLock = addresses.lockedFor(addressKey(address), now);
        if (userLock.compareTo(addressLock) >= 0 && userLock.compareTo(Duration.ZERO) > 0) {
            throw new LoginThrottledException("too many failed logins for user \"" + userKey(username) + "\"", userLock);
        }
        if (addressLock.compareTo(Duration.ZERO) > 0) {
            throw new LoginThrottledException("too many failed authentication attempts from " + address, addressLock);
        }
    }

    /** Counts a wrong password (for {@code username}) or a wrong bearer token (username null). */
    void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            users.fail(userKey(username), now);
        }
        addresses.fail(addressKey(address), now);
    }

    void succeeded(String username) {
        users.clear(userKey(username));
    }

    private static String userKey(String username) {
        return username.length() > MAX_KEY ? username.substring(0, MAX_KEY) : username;
    }

    /** The address, or for IPv6 its /64 network. */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            byte[] network = new byte[16];
            System.arraycopy(bytes, 0, network, 0, 8);
            return ((Inet6Address) InetAddress.getByAddress(network)).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Failures per key for one dimension (user names or addresses). */
    private static final class Tally {

        private final int freeFailures;
        private final Duration firstLock;
        private final Duration maxLock;
        private final Duration forgetAfter;
        private final BoundedLruMap<String, Failures> failures;

        Tally(int freeFailures, AuthProperties.Throttle throttle) {
            this.freeFailures = freeFailures;
            this.firstLock = throttle.firstLock();
            this.maxLock = throttle.maxLock();
            this.forgetAfter = throttle.forgetAfter();
            this.failures = new BoundedLruMap<>(throttle.capacity());
        }

        synchronized Duration lockedFor(String key, Instant now) {
            Failures f = failures.get(key);
            if (f == null || !f.lockedUntil.isAfter(now)) {
                return Duration.ZERO;
            }
            return Duration.between(now, f.lockedUntil);
        }

        synchronized void fail(String key, Instant now) {
            Failures f = failures.get(key);
            if (f == null || Duration.between(f.last, now).compareTo(forgetAfter) > 0) {
                f = new Failures();
                failures.put(key, f);
            }
            f.count++;
            f.last = now;
            if (f.count > freeFailures) {
                f.lockedUntil = now.plus(lock(f.count - freeFailures));
            }
        }

        synchronized void clear(String key) {
            failures.remove(key);
        }

        /** firstLock for the first failure past the free ones, doubled for each further one, up to maxLock. */
        private Duration lock(int beyondFree) {
            int doublings = Math.min(beyondFree - 1, 30);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil = Instant.MIN;
    }
}
