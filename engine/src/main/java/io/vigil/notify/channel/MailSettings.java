package io.vigil.notify.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EmailChannel} reaches its SMTP server. The recipient is each notification's
 * {@link io.vigil.notify.Notification#address() address}, not a setting.
 *
 * @param host           the SMTP server
 * @param port           usually 25, 587 (submission) or 2525
 * @param startTls       whether the connection is upgraded to TLS before anything is sent
 * @param username       null for a server that takes mail without a login
 * @param password       null without a username
 * @param from           the sender address, e.g. {@code vigil@example.com}
 * @param connectTimeout how long connecting may take
 * @param timeout        how long any one read or write may take; together they bound one attempt, so a
 *                       hung server delays the dispatcher's other notifications only that long
 */
public record MailSettings(String host, int port, StartTls startTls, String username, String password, String from,
                           Duration connectTimeout, Duration timeout) {

    /** STARTTLS: REQUIRED refuses a server that does not offer it; OPTIONAL uses it when offered; OFF never does. */
    public enum StartTls { REQUIRED, OPTIONAL, OFF }

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port " + port + " is out of range 1..65535");
        }
    }

    /** Without a login, STARTTLS required, 10 s timeouts. */
    public static MailSettings of(String host, int port, String from) {
        return new MailSettings(host, port, StartTls.REQUIRED, null, null, from, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    public MailSettings withStartTls(StartTls value) {
        return new MailSettings(host, port, value, username, password, from, connectTimeout, timeout);
    }

    public MailSettings withLogin(String user, String secret) {
        return new MailSettings(host, port, startTls, user, secret, from, connectTimeout, timeout);
    }

    public MailSettings withTimeouts(Duration connect, Duration readWrite) {
        return new MailSettings(host, port, startTls, username, password, from, connect, readWrite);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", startTls=" + startTls + ", username=" + username + ", from=" + from
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
    }
}
