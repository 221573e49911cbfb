package io.vigil.testing.notify;

import io.vigil.notify.policy.PolicyDocument;
import io.vigil.testing.service.ServiceFixtures;

/** Escalation-policy fixtures from {@code src/test/resources/policy/<case>.yml} (shared through the engine test-jar). */
public final class PolicyFixtures {

    private PolicyFixtures() {
    }

    public static String text(String fileName) {
        return ServiceFixtures.resource("/policy/" + fileName);
    }

    public static PolicyDocument document(String caseName) {
        return PolicyDocument.parse(text(caseName + ".yml"));
    }
}
