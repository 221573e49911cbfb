package io.vigil.intake.syslog;

/**
 * One RELP frame ({@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}), or the point where a stream
 * broke RELP's framing: nothing after it can be framed, so the connection is to be closed.
 *
 * @param txnr            the transaction number; 0 when a malformed frame's could not be read
 * @param command         as sent (RELP commands are case-sensitive); empty for a malformed frame
 * @param data            the command's data; for a malformed frame, the first bytes of the stream from it on
 * @param malformedReason null for a good frame
 * @param oversized       the declared data length exceeds the maximum
 */
record RelpFrame(int txnr, String command, byte[] data, String malformedReason, boolean oversized) {

    static RelpFrame command(int txnr, String command, byte[] data) {
        return new RelpFrame(txnr, command, data, null, false);
    }

    static RelpFrame malformed(int txnr, String reason, byte[] head, boolean oversized) {
        return new RelpFrame(txnr, "", head, reason, oversized);
    }

    boolean isMalformed() {
        return malformedReason != null;
    }
}
