package io.vigil.service;

import io.vigil.model.Status;
import io.vigil.testing.service.FullRecompute;
import io.vigil.testing.service.GeneratedTree;
import io.vigil.testing.service.JavaSerialization;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Correctness (not timing) of incremental propagation on the benchmark's tree: it must agree with a full recompute. */
class GeneratedTreePropagationTest {

    private static final int CHANGES = 10_000;
    /** Mostly healthy, like real monitoring, so services sit in every status rather than all CRITICAL. */
    private static final Status[] DRAWN = {Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL,
            Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL, Status.NORMAL,
            Status.WARNING, Status.WARNING, Status.CRITICAL, Status.UNKNOWN};

    @Test
    void shouldAgreeWithAFullRecomputeAfterTenThousandRandomChanges() {
        GeneratedTree generated = GeneratedTree.defaultSize(7);
        ServiceTree tree = new ServiceTree(generated.definition());
        Map<String, Map<String, Status>> modules = new HashMap<>();
        Random random = new Random(11);

        for (int i = 0; i < CHANGES; i++) {
            String resource = "host" + random.nextInt(generated.resources());
            String check = "check" + random.nextInt(GeneratedTree.CHECKS_PER_RESOURCE);
            Status status = DRAWN[random.nextInt(DRAWN.length)];
            tree.elementChanged(resource, check, status);
            modules.computeIfAbsent(resource, r -> new HashMap<>()).put(check, status);
        }

        Map<String, ServiceStatusCalculator.Result> expected = FullRecompute.of(generated.definition(), modules);
        assertThat(generated.definition().services()).hasSize(GeneratedTree.DEFAULT_SERVICES);
        assertThat(generated.definition().services().stream().mapToLong(s -> s.elements().stream()
                .filter(e -> e.type() != ElementType.SERVICE).count()).sum()).isEqualTo(GeneratedTree.DEFAULT_ELEMENTS);
        assertThat(tree.status(GeneratedTree.ROOT)).isEqualTo(expected.get(GeneratedTree.ROOT).status());
        for (ServiceSummary service : tree.services()) {
            assertThat(new ServiceStatusCalculator.Result(service.status(), service.value()))
                    .as("service %s", service.name()).isEqualTo(expected.get(service.name()));
        }
        assertThat(tree.services()).extracting(ServiceSummary::status).contains(Status.values());
        assertThat(JavaSerialization.roundTrip(tree).services()).as("marshalled with the session")
                .isEqualTo(tree.services());
    }

    @Test
    void shouldGenerateTheSameTreeFromTheSameSeed() {
        GeneratedTree small = GeneratedTree.generate(500, 60, 4, 3);

        assertThat(GeneratedTree.generate(500, 60, 4, 3).definition()).isEqualTo(small.definition());
        assertThat(new ServiceTree(small.definition()).roots()).containsExactly(GeneratedTree.ROOT);
        assertThat(ServiceTreeParser.parseYaml(ServiceTreeExporter.toYaml(small.definition())))
                .as("a valid definition by the parser's rules").isEqualTo(small.definition());
    }
}
