package io.vigil.session;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds the rule set's files on the classpath. Spring's resolver is used because it walks
 * directories and jars alike, including the nested jars of a Spring Boot fat jar. Paths are
 * made relative to each classpath root, so a file has the same path (and the rule set the same
 * version) whether it is read from target/classes or from the packaged jar.
 */
final class ClasspathRuleSources {

    private record Kind(String folder, String extension) {
    }

    private static final Kind[] KINDS = {new Kind("rules", "drl"), new Kind("processes", "bpmn2"),
            new Kind("rule-tests", "yml")};

    private ClasspathRuleSources() {
    }

    static SortedMap<String, String> load(ClassLoader classLoader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        SortedMap<String, String> sources = new TreeMap<>();
        try {
            for (Kind kind : KINDS) {
                for (Resource root : resolver.getResources("classpath*:" + kind.folder() + "/")) {
                    String base = root.getURL().toString();
                    for (Resource file : resolver.getResources(base + "**/*." + kind.extension())) {
                        String path = kind.folder() + "/" + file.getURL().toString().substring(base.length());
                        String previous = sources.put(RuleSet.checkedPath(path), read(file));
                        if (previous != null) {
                            throw new IllegalStateException("rule set file \"" + path
                                    + "\" is on the classpath twice (second copy in " + base + ")");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule set from the classpath: " + e.getMessage(), e);
        }
        return sources;
    }

    private static String read(Resource file) throws IOException {
        try (var in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
