package io.vigil.intake.syslog;

/**
 * One syslog message cut from a stream or datagram, or a piece of input that could not be
 * framed (too long, connection closed mid-frame), which then goes to the dead letters.
 *
 * @param bytes           the message without framing; for a malformed frame, what was kept of it
 * @param malformedReason null for a good frame
 */
record SyslogFrame(byte[] bytes, String malformedReason) {

    static SyslogFrame message(byte[] bytes) {
        return new SyslogFrame(bytes, null);
    }

    static SyslogFrame malformed(String reason, byte[] kept) {
        return new SyslogFrame(kept, reason);
    }

    boolean isMalformed() {
        return malformedReason != null;
    }
}
