package io.vigil.session;

import org.kie.api.KieBase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the rules and processes the engine runs: DRL files under {@code rules/} and
 * BPMN2 files under {@code processes/}, keyed by their path. The version is a content hash, so
 * the same sources always have the same version wherever they were loaded from, and every
 * firing in the audit trail names the exact sources that produced it.
 *
 * <p>The knowledge base is compiled once, when the rule set is made; a rule set that does not
 * compile never exists ({@link RuleSetCompileException} names file and line).
 */
public final class RuleSet {

    private final SortedMap<String, String> sources;
    private final String version;
    private final KieBase kieBase;

    private RuleSet(SortedMap<String, String> sources) {
        this.sources = Collections.unmodifiableSortedMap(sources);
        this.version = hash(sources);
        this.kieBase = RuleSetCompiler.compile(this.sources, version);
    }

    /** The rules and processes on the classpath of this class (the rules and processes modules' jars). */
    public static RuleSet fromClasspath() {
        return fromClasspath(RuleSet.class.getClassLoader());
    }

    /** Every {@code rules/**}{@code /*.drl} and {@code processes/**}{@code /*.bpmn2} the class loader sees. */
    public static RuleSet fromClasspath(ClassLoader classLoader) {
        return new RuleSet(ClasspathRuleSources.load(classLoader));
    }

    /**
     * A rule set from sources in hand (tests, DRL authoring). Paths are relative like
     * {@code rules/classify/event-category.drl} and end in {@code .drl} or {@code .bpmn2}.
     */
    public static RuleSet of(Map<String, String> pathToSource) {
        SortedMap<String, String> sorted = new TreeMap<>();
        pathToSource.forEach((path, source) -> sorted.put(checkedPath(path), source));
        return new RuleSet(sorted);
    }

    /** SHA-256 (hex) over the sorted paths and their contents. */
    public String version() {
        return version;
    }

    /** Path to source, sorted by path. */
    public SortedMap<String, String> sources() {
        return sources;
    }

    KieBase kieBase() {
        return kieBase;
    }

    static String checkedPath(String path) {
        if (path == null || !(path.endsWith(".drl") || path.endsWith(".bpmn2"))
                || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("unsupported rule set file \"" + path
                    + "\" (expected a relative path ending in .drl or .bpmn2)");
        }
        return path;
    }

    private static String hash(SortedMap<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // NUL separators keep "a"+"bc" and "ab"+"c" apart.
            sources.forEach((path, source) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(source.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RuleSet(" + version.substring(0, 12) + ", " + sources.size() + " files)";
    }
}
