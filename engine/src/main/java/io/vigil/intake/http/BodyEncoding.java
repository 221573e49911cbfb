package io.vigil.intake.http;

/**
 * Recognises a JSON body sent in UTF-16 or UTF-32 instead of UTF-8, by its byte order mark or, as
 * RFC 4627 section 3 describes, by the NUL bytes its first two characters (both ASCII in JSON)
 * leave in the first four bytes. RFC 8259 section 8.1 requires UTF-8 between systems; Jackson
 * would otherwise decode such a body by its own guess, with character offsets where the raw text
 * slicing needs byte offsets.
 */
final class BodyEncoding {

    private BodyEncoding() {
    }

    /** "UTF-16LE (byte order mark FF FE)", …, or null for a body that may be UTF-8. */
    static String detectOtherThanUtf8(byte[] body) {
        int b0 = at(body, 0);
        int b1 = at(body, 1);
        int b2 = at(body, 2);
        int b3 = at(body, 3);
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            return "UTF-32BE (byte order mark 00 00 FE FF)";
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            return "UTF-32LE (byte order mark FF FE 00 00)";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16BE (byte order mark FE FF)";
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return "UTF-16LE (byte order mark FF FE)";
        }
        if (b3 < 0) {
            return null;
        }
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return "UTF-32BE (NUL bytes 00 00 00 xx at the start)";
        }
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return "UTF-32LE (NUL bytes xx 00 00 00 at the start)";
        }
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return "UTF-16BE (NUL bytes 00 xx 00 xx at the start)";
        }
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return "UTF-16LE (NUL bytes xx 00 xx 00 at the start)";
        }
        return null;
    }

    private static int at(byte[] body, int index) {
        return index < body.length ? body[index] & 0xFF : -1;
    }
}
