package io.vigil.testing.notify;

import io.vigil.notify.policy.PolicyDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Escalation-policy fixtures from {@code src/test/resources/policy/<case>.yml} (shared through the engine test-jar). */
public final class PolicyFixtures {

    private PolicyFixtures() {
    }

    public static String text(String fileName) {
        try (InputStream in = PolicyFixtures.class.getResourceAsStream("/policy/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture \"policy/" + fileName + "\"");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PolicyDocument document(String caseName) {
        return PolicyDocument.parse(text(caseName + ".yml"));
    }
}
