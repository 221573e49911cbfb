package io.vigil.testing.service;

import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Service tree fixtures from {@code src/test/resources/service/<case>.yml} (shared through the engine test-jar). */
public final class ServiceFixtures {

    private ServiceFixtures() {
    }

    public static String text(String fileName) {
        return resource("/service/" + fileName);
    }

    /** A test resource of the engine's test-jar as text, e.g. {@code /policy/routing.yml}. */
    public static String resource(String path) {
        try (InputStream in = ServiceFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture \"" + path.substring(1) + "\"");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceTreeDefinition definition(String caseName) {
        return ServiceTreeParser.parse(text(caseName + ".yml"));
    }

    public static ServiceTree tree(String caseName) {
        return new ServiceTree(definition(caseName));
    }
}
