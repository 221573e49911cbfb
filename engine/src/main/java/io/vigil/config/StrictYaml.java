package io.vigil.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SnakeYAML set up for configuration that must mean exactly what it says: only true/false are
 * booleans (YAML 1.1 would read a service called "no" or a flag "on" as booleans), numbers are
 * decimal BigDecimals (no octal "010", no doubles that turn 1.2 into 1.19999…), no timestamps,
 * duplicate keys are errors, and only plain maps, lists and scalars can be built (SafeConstructor).
 */
public final class StrictYaml {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private StrictYaml() {
    }

    /**
     * The document as maps, lists, strings, BigDecimals, booleans and nulls.
     *
     * @param refusal makes the reader's own exception from the one problem, e.g. "invalid yaml at line 3, column 7: ..."
     */
    public static Object load(String text, Function<List<String>, ? extends RuntimeException> refusal) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        DumperOptions unused = new DumperOptions();
        Yaml yaml = new Yaml(new DecimalConstructor(options), new Representer(unused), unused, options,
                new StrictResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw refusal.apply(List.of("invalid yaml" + at + ": " + e.getProblem()));
        } catch (YAMLException e) {
            throw refusal.apply(List.of("invalid yaml: " + e.getMessage()));
        }
    }

    private static final class StrictResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT,
                    Pattern.compile("^[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }

    private static final class DecimalConstructor extends SafeConstructor {

        DecimalConstructor(LoaderOptions options) {
            super(options);
            AbstractConstruct decimal = new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String text = constructScalar((ScalarNode) node);
                    try {
                        return new BigDecimal(text);
                    } catch (NumberFormatException e) {
                        // an explicit !!float .inf and the like: left as text, reported as "not a number"
                        return text;
                    }
                }
            };
            yamlConstructors.put(Tag.INT, decimal);
            yamlConstructors.put(Tag.FLOAT, decimal);
        }
    }
}
