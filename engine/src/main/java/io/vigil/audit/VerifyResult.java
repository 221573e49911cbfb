package io.vigil.audit;

/**
 * What checking the firing hash chain found.
 *
 * @param rows     how many firings were checked: all of them when ok, up to and including the broken one otherwise
 * @param brokenId the first firing whose hashes do not match (or the pack that cannot be read), or null when ok
 * @param reason   why it is broken, or null when ok
 */
public record VerifyResult(boolean ok, long rows, Long brokenId, String reason) {

    public static VerifyResult intact(long rows) {
        return new VerifyResult(true, rows, null, null);
    }

    public static VerifyResult broken(long rows, long brokenId, String reason) {
        return new VerifyResult(false, rows, brokenId, reason);
    }
}
