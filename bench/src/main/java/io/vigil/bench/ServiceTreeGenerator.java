package io.vigil.bench;

import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceMode;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.Weights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A copy of the engine test-jar's {@code io.vigil.testing.service.GeneratedTree} (the bench jar
 * does not ship test classes; keep the two in step so the benchmark measures the tree the tests
 * check). A deterministic synthetic service tree for load tests and the benchmark: {@code services}
 * services in {@code depth} levels under one root (each level about f times the one above),
 * {@code elements} module and agent elements spread over them, all three modes, random weights,
 * a few sub-services shared by two parents, some cascade protection and quiet services.
 * Resources {@code host<n>} have checks {@code check0}..{@code check4}: checks 1-4 are module
 * elements, the resource is an agent element, and check0 reaches the tree only through its agent.
 */
final class ServiceTreeGenerator {

    public static final int DEFAULT_ELEMENTS = 100_000;
    public static final int DEFAULT_SERVICES = 10_000;
    public static final int DEFAULT_DEPTH = 6;
    public static final int CHECKS_PER_RESOURCE = 5;
    public static final String ROOT = "svc0";

    private final ServiceTreeDefinition definition;
    private final int resources;

    private ServiceTreeGenerator(ServiceTreeDefinition definition, int resources) {
        this.definition = definition;
        this.resources = resources;
    }

    /** 100k elements, 10k services, depth 6. */
    static ServiceTreeGenerator defaultSize(long seed) {
        return generate(DEFAULT_ELEMENTS, DEFAULT_SERVICES, DEFAULT_DEPTH, seed);
    }

    static ServiceTreeGenerator generate(int elements, int services, int depth, long seed) {
        if (depth < 1 || services < depth || elements < 1) {
            throw new IllegalArgumentException("cannot generate " + elements + " elements in " + services
                    + " services of depth " + depth);
        }
        Random random = new Random(seed);
        int[] levelStart = levels(services, depth);
        List<List<ElementDefinition>> children = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            children.add(new ArrayList<>());
        }
        for (int level = 1; level < depth; level++) {
            int parents = levelStart[level] - levelStart[level - 1];
            for (int i = levelStart[level]; i < levelStart[level + 1]; i++) {
                int parent = levelStart[level - 1] + (i - levelStart[level]) % parents;
                children.get(parent).add(element(random, ElementType.SERVICE, "svc" + i));
                int shared = levelStart[level - 1] + random.nextInt(parents);
                if (shared != parent && random.nextInt(100) == 0) {
                    children.get(shared).add(element(random, ElementType.SERVICE, "svc" + i));
                }
            }
        }
        for (int k = 0; k < elements; k++) {
            int resource = k / CHECKS_PER_RESOURCE;
            int check = k % CHECKS_PER_RESOURCE;
            children.get(random.nextInt(services)).add(check == 0
                    ? element(random, ElementType.AGENT, "host" + resource)
                    : element(random, ElementType.MODULE, "host" + resource + "/check" + check));
        }
        List<ServiceDefinition> defined = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            defined.add(service(random, i, children.get(i)));
        }
        return new ServiceTreeGenerator(new ServiceTreeDefinition(defined),
                (elements + CHECKS_PER_RESOURCE - 1) / CHECKS_PER_RESOURCE);
    }

    public ServiceTreeDefinition definition() {
        return definition;
    }

    /** Resources host0 .. host(n-1). */
    public int resources() {
        return resources;
    }

    /** Where each level starts in service numbering; the last entry is the service count. */
    private static int[] levels(int services, int depth) {
        int[] start = new int[depth + 1];
        double fanout = Math.pow(services, 1.0 / Math.max(1, depth - 1));
        int next = 1;
        double size = 1;
        for (int level = 1; level < depth; level++) {
            start[level] = next;
            size *= fanout;
            next = Math.min(services - (depth - 1 - level), next + Math.max(1, (int) Math.round(size)));
        }
        start[depth] = services;
        return start;
    }

    /** Weights and flags for every mode; the service's mode decides which it keeps. */
    private static ElementDefinition element(Random random, ElementType type, String name) {
        Weights weights = new Weights(BigDecimal.ZERO, BigDecimal.valueOf(random.nextInt(1500), 3),
                BigDecimal.valueOf(500 + random.nextInt(2500), 3), BigDecimal.valueOf(random.nextInt(300), 3));
        return new ElementDefinition(type, name, weights, random.nextBoolean());
    }

    private static ServiceDefinition service(Random random, int index, List<ElementDefinition> elements) {
        ServiceMode mode = index == 0 ? ServiceMode.SIMPLE : ServiceMode.values()[random.nextInt(3)];
        List<ElementDefinition> kept = new ArrayList<>();
        for (ElementDefinition e : elements) {
            kept.add(new ElementDefinition(e.type(), e.name(), mode == ServiceMode.MANUAL ? e.weights() : null,
                    mode == ServiceMode.SIMPLE && (index == 0 || e.critical())));
        }
        BigDecimal warning = BigDecimal.valueOf(500 + random.nextInt(2000), 3);
        BigDecimal critical = warning.add(BigDecimal.valueOf(random.nextInt(3000), 3));
        // thresholds count in manual mode only; the record fixes or drops them in the others
        return new ServiceDefinition("svc" + index, "generated service " + index, "group" + index % 10, mode,
                warning, critical, random.nextInt(20) == 0, random.nextInt(10) == 0, null, kept);
    }
}
