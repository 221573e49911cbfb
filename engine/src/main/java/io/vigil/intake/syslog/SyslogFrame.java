package io.vigil.intake.syslog;

/**
 * One syslog message cut from a stream or datagram, or a piece of input that could not be
 * framed (too long, connection closed mid-frame), which then goes to the dead letters.
 *
 * @param bytes            the message without framing; for a malformed frame, what was kept of it
 * @param malformedReason  null for a good frame
 * @param oversized        the frame was longer than the maximum (only its first bytes are kept)
 * @param closesConnection the stream cannot be framed after this one: the connection is to be closed
 */
record SyslogFrame(byte[] bytes, String malformedReason, boolean oversized, boolean closesConnection) {

    static SyslogFrame message(byte[] bytes) {
        return new SyslogFrame(bytes, null, false, false);
    }

    static SyslogFrame malformed(String reason, byte[] kept) {
        return new SyslogFrame(kept, reason, false, false);
    }

    /** Over the maximum length; {@code head} is its first bytes. */
    static SyslogFrame oversized(String reason, byte[] head, boolean closesConnection) {
        return new SyslogFrame(head, reason, true, closesConnection);
    }

    boolean isMalformed() {
        return malformedReason != null;
    }
}
