package io.vigil.intake.syslog;

/** A syslog message that cannot become an event; the message is the reason stored with its dead letter. */
public final class SyslogParseException extends RuntimeException {

    public SyslogParseException(String reason) {
        super(reason);
    }
}
