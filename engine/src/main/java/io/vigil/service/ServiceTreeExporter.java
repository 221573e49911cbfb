package io.vigil.service;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree back as YAML that {@link ServiceTreeParser} reads to an equal definition. Leaves
 * out what is default (empty description, default weights, false flags, empty or default
 * correlation sections) so an exported file reads like a hand-written one.
 */
public final class ServiceTreeExporter {

    private ServiceTreeExporter() {
    }

    public static String toYaml(ServiceTreeDefinition tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        List<Object> services = new ArrayList<>();
        tree.services().forEach(s -> services.add(service(s)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("services", services);
        document.putAll(CorrelationExporter.sections(tree.correlation()));
        return new Yaml(new DecimalRepresenter(options), options).dump(document);
    }

    private static Map<String, Object> service(ServiceDefinition service) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", service.name());
        putUnless(out, "description", service.description(), service.description().isEmpty());
        putUnless(out, "group", service.group(), service.group() == null);
        out.put("mode", service.mode().key());
        if (service.mode() == ServiceMode.MANUAL) {
            out.put("warning", service.warning());
            out.put("critical", service.critical());
        }
        putUnless(out, "quiet", true, !service.quiet());
        putUnless(out, "cascadeProtection", true, !service.cascadeProtection());
        if (service.sla() != null) {
            Map<String, Object> sla = new LinkedHashMap<>();
            sla.put("interval", DurationFormat.format(service.sla().interval()));
            sla.put("samplePeriod", DurationFormat.format(service.sla().samplePeriod()));
            sla.put("limit", service.sla().limit());
            sla.put("compliesWhen", service.sla().compliesWhen().name());
            out.put("sla", sla);
        }
        List<Object> elements = new ArrayList<>();
        service.elements().forEach(e -> elements.add(element(service.mode(), e)));
        out.put("elements", elements);
        return out;
    }

    private static Map<String, Object> element(ServiceMode mode, ElementDefinition element) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(element.type().key(), element.name());
        if (mode == ServiceMode.SIMPLE) {
            out.put("critical", element.critical());
        } else if (mode == ServiceMode.MANUAL && element.weights() != null) {
            Map<String, Object> weights = new LinkedHashMap<>();
            Weights given = element.weights();
            Weights d = Weights.DEFAULT;
            putUnless(weights, "normal", given.normal(), given.normal().equals(d.normal()));
            putUnless(weights, "warning", given.warning(), given.warning().equals(d.warning()));
            putUnless(weights, "critical", given.critical(), given.critical().equals(d.critical()));
            putUnless(weights, "unknown", given.unknown(), given.unknown().equals(d.unknown()));
            putUnless(out, "weights", weights, weights.isEmpty());
        }
        return out;
    }

    static void putUnless(Map<String, Object> out, String key, Object value, boolean skip) {
        if (!skip) {
            out.put(key, value);
        }
    }

    /** Decimals as plain YAML numbers ("1.2", "5"), not as tagged Java objects. */
    private static final class DecimalRepresenter extends Representer {

        DecimalRepresenter(DumperOptions options) {
            super(options);
            representers.put(BigDecimal.class, data -> {
                BigDecimal value = Decimals.normalize((BigDecimal) data);
                return representScalar(value.scale() == 0 ? Tag.INT : Tag.FLOAT, value.toPlainString());
            });
        }
    }
}
