package io.vigil.service;

import io.vigil.config.Fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a loaded YAML or JSON document (maps, lists, strings, BigDecimals, booleans) into a
 * {@link ServiceTreeDefinition}, collecting every problem. Each problem names its service
 * ({@code service "webapp": ...}, or {@code service 3: ...} while the name is unusable) or its
 * entry of a correlation section ({@link CorrelationReader}).
 */
final class DefinitionReader {

    private static final Set<String> TOP_KEYS = Stream.concat(Stream.of("services"),
            CorrelationReader.SECTIONS.stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SERVICE_KEYS = Set.of("name", "description", "group", "mode", "warning",
            "critical", "quiet", "cascadeProtection", "sla", "elements");
    private static final Map<String, ServiceMode> MODES = new LinkedHashMap<>();

    static {
        for (ServiceMode mode : ServiceMode.values()) {
            MODES.put(mode.key(), mode);
        }
    }

    private final List<String> problems = new ArrayList<>();

    static ServiceTreeDefinition read(Object document) {
        return new DefinitionReader().readTree(document);
    }

    private ServiceTreeDefinition readTree(Object document) {
        if (!(document instanceof Map)) {
            throw new ServiceDefinitionException(List.of("a service tree must be a map with the key \"services\", not "
                    + (document == null ? "an empty document" : Fields.describe(document))));
        }
        Fields top = new Fields((Map<?, ?>) document, TOP_KEYS, "", "", " at top level", problems::add);
        if (!((Map<?, ?>) document).containsKey("services")) {
            problems.add("missing key \"services\" at top level");
        }
        List<?> items = top.list("services");
        List<ServiceDefinition> services = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ServiceDefinition service = readService(i + 1, items.get(i));
            if (service != null) {
                services.add(service);
            }
        }
        problems.addAll(ServiceGraph.problems(new ServiceTreeDefinition(services)));
        ServiceTreeDefinition tree = new ServiceTreeDefinition(services, CorrelationReader.read(top, problems::add));
        problems.addAll(DependencyReader.unknownParents(tree.correlation().dependencies(), services));
        if (!problems.isEmpty()) {
            throw new ServiceDefinitionException(problems);
        }
        return tree;
    }

    /**
     * Null when the service has no usable name; otherwise a best effort even when it has
     * problems, so that references to it still resolve and raise no false "undefined" errors.
     */
    private ServiceDefinition readService(int index, Object item) {
        if (!(item instanceof Map)) {
            problems.add("service " + index + " is not a map: " + Fields.describe(item));
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) item;
        Object rawName = map.get("name");
        String subject = rawName instanceof String && !((String) rawName).isBlank()
                ? "service \"" + rawName + "\"" : "service " + index;
        Consumer<String> report = problem -> problems.add(subject + ": " + problem);
        Fields fields = new Fields(map, SERVICE_KEYS, "", "", "", report);
        String name = name(fields, report);
        String description = fields.string("description");
        String group = fields.string("group");
        ServiceMode mode = fields.oneOf("mode", MODES);
        boolean modeKnown = mode != null || !fields.has("mode");
        mode = mode == null ? ServiceMode.MANUAL : mode;
        BigDecimal[] thresholds = modeKnown ? thresholds(fields, mode, report) : new BigDecimal[2];
        boolean quiet = fields.flag("quiet");
        boolean cascadeProtection = fields.flag("cascadeProtection");
        SlaSettings sla = fields.has("sla") ? SlaReader.read(fields, report) : null;
        List<ElementDefinition> elements = ElementReader.readAll(fields.list("elements"), modeKnown ? mode : null,
                report);
        return name == null ? null : new ServiceDefinition(name, description, group, mode, thresholds[0],
                thresholds[1], quiet, cascadeProtection, sla, elements);
    }

    private static String name(Fields fields, Consumer<String> report) {
        if (!fields.has("name")) {
            report.accept("missing key \"name\"");
            return null;
        }
        String name = fields.string("name");
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            fields.complain("name", name, "must not be blank");
            return null;
        }
        if (!name.strip().equals(name)) {
            fields.complain("name", name, "must not start or end with spaces");
        }
        if (name.contains("/")) {
            fields.complain("name", name, "must not contain \"/\"");
        }
        return name;
    }

    /** {warning, critical} as given in manual mode; the other modes have none of their own. */
    private static BigDecimal[] thresholds(Fields fields, ServiceMode mode, Consumer<String> report) {
        if (mode != ServiceMode.MANUAL) {
            for (String key : List.of("warning", "critical")) {
                if (fields.has(key)) {
                    fields.complain(key, fields.raw(key), "is not allowed in " + mode.key() + " mode");
                }
            }
            return new BigDecimal[2];
        }
        BigDecimal warning = threshold(fields, "warning", ServiceDefinition.DEFAULT_WARNING);
        BigDecimal critical = threshold(fields, "critical", ServiceDefinition.DEFAULT_CRITICAL);
        if (warning.compareTo(critical) > 0) {
            report.accept("warning " + warning.toPlainString() + " is greater than critical "
                    + critical.toPlainString());
        }
        return new BigDecimal[] {warning, critical};
    }

    private static BigDecimal threshold(Fields fields, String key, BigDecimal absent) {
        BigDecimal value = Amounts.amount(fields, key);
        if (value == null) {
            return absent;
        }
        if (value.signum() <= 0) {
            fields.complain(key, value, "must be greater than 0");
        }
        return value;
    }
}
