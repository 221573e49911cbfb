package io.vigil.web.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory up to a limit, answering 413 beyond it: a posted batch may
 * legitimately be tens of MiB, but buffering whatever a client sends would let one request take
 * the heap. A declared Content-Length over the limit is refused before anything is read.
 */
final class RequestBodyReader {

    private final long maxBytes;

    RequestBodyReader(long maxBytes) {
        if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("body limit " + maxBytes + " must be between 1 and 2 GiB");
        }
        this.maxBytes = maxBytes;
    }

    byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            return body;
        }
    }

    private ResponseStatusException tooLarge(String size) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "request body of " + size
                + " is over the limit of " + maxBytes + " bytes: split the events into smaller requests");
    }
}
