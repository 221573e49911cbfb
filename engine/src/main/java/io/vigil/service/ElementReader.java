package io.vigil.service;

import io.vigil.config.Fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads a service's {@code elements} list; problems say which element (counting from 1). */
final class ElementReader {

    private static final Set<String> ELEMENT_KEYS = Set.of("module", "agent", "service", "weights", "critical");
    private static final Set<String> WEIGHT_KEYS = Set.of("normal", "warning", "critical", "unknown");

    private ElementReader() {
    }

    /** @param mode the service's mode, or null when it is invalid (mode-specific checks are then skipped) */
    static List<ElementDefinition> readAll(List<?> items, ServiceMode mode, Consumer<String> report) {
        List<ElementDefinition> elements = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ElementDefinition element = read(i + 1, items.get(i), mode, report);
            if (element == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(element.type().key() + " " + element.name(), i + 1);
            if (first != null) {
                report.accept("element " + (i + 1) + " repeats " + element.type().key() + " \"" + element.name()
                        + "\" (element " + first + ")");
            }
            elements.add(element);
        }
        return elements;
    }

    private static ElementDefinition read(int index, Object item, ServiceMode mode, Consumer<String> report) {
        if (!(item instanceof Map)) {
            report.accept("element " + index + " is not a map: " + Fields.describe(item));
            return null;
        }
        String where = " in element " + index;
        Fields fields = new Fields((Map<?, ?>) item, ELEMENT_KEYS, "", where, where, report);
        List<ElementType> types = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            if (fields.has(type.key())) {
                types.add(type);
            }
        }
        if (types.size() != 1) {
            report.accept("element " + index + (types.isEmpty() ? " has none" : " has more than one")
                    + " of module, agent, service");
            return null;
        }
        ElementType type = types.get(0);
        String name = name(fields, type);
        Weights weights = mode == ServiceMode.MANUAL ? Weights.DEFAULT : null;
        if (fields.has("weights")) {
            if (mode != null && mode != ServiceMode.MANUAL) {
                report.accept("weights" + where + " are not allowed in " + mode.key() + " mode");
            } else {
                weights = weights(fields.map("weights"), index, report);
            }
        }
        boolean flaggable = mode == null || mode == ServiceMode.SIMPLE;
        if (fields.has("critical") && !flaggable) {
            fields.complain("critical", fields.raw("critical"), "is not allowed in " + mode.key() + " mode");
        }
        boolean critical = flaggable && fields.flag("critical");
        return name == null ? null : new ElementDefinition(type, name, weights, critical);
    }

    private static String name(Fields fields, ElementType type) {
        String name = fields.string(type.key());
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            fields.complain(type.key(), name, "must not be blank");
            return null;
        }
        int slash = name.indexOf('/');
        if (type == ElementType.MODULE && (slash <= 0 || slash == name.length() - 1)) {
            fields.complain(type.key(), name, "is not resource/check");
        } else if (type != ElementType.MODULE && slash >= 0) {
            fields.complain(type.key(), name, "must not contain \"/\"");
        }
        return name;
    }

    private static Weights weights(Map<?, ?> map, int index, Consumer<String> report) {
        if (map == null) {
            return Weights.DEFAULT;
        }
        Fields fields = new Fields(map, WEIGHT_KEYS, "weight ", " in element " + index,
                " in weights of element " + index, report);
        Weights d = Weights.DEFAULT;
        return new Weights(weight(fields, "normal", d.normal()), weight(fields, "warning", d.warning()),
                weight(fields, "critical", d.critical()), weight(fields, "unknown", d.unknown()));
    }

    private static BigDecimal weight(Fields fields, String key, BigDecimal absent) {
        BigDecimal weight = Amounts.amount(fields, key);
        if (weight == null) {
            return absent;
        }
        if (weight.signum() < 0) {
            fields.complain(key, weight, "is negative");
        }
        return weight;
    }
}
