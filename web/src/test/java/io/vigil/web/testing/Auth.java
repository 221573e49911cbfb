package io.vigil.web.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Authorization header a test request carries, or none. */
public record Auth(String header) {

    public static final Auth NONE = new Auth(null);

    public static Auth bearer(String token) {
        return new Auth("Bearer " + token);
    }

    public static Auth basic(String user, String password) {
        String pair = user + ":" + password;
        return new Auth("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
