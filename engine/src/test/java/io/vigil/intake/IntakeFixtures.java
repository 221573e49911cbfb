package io.vigil.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the intake test fixtures under src/test/resources/intake/. */
public final class IntakeFixtures {

    private IntakeFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = IntakeFixtures.class.getResourceAsStream("/intake/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture \"" + name + "\" under /intake/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
