package io.vigil.session;

import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One version of the rules and processes the engine runs: DRL files under {@code rules/} and
 * BPMN2 files under {@code processes/}, with the rule tests that go with them under
 * {@code rule-tests/} (YAML, see {@code RuleTests}), keyed by their path. The version is a content hash, so
 * the same sources always have the same version wherever they were loaded from, and every
 * firing in the audit trail names the exact sources that produced it.
 *
 * <p>The sources are compiled once, when the rule set is made; a rule set that does not compile,
 * or declares a global the engine does not provide, never exists ({@link RuleSetCompileException}
 * names file, line and column). Each session gets a knowledge base of its own from the compiled
 * module ({@link #newContainer()}), so the engine can move its session to another version in place.
 */
public final class RuleSet {

    /** The folder of the rule tests kept with the rules. */
    public static final String RULE_TESTS = "rule-tests/";

    private final SortedMap<String, String> sources;
    private final String version;
    private final RuleSetCompiler.Compiled compiled;

    private RuleSet(SortedMap<String, String> sources) {
        this.sources = Collections.unmodifiableSortedMap(sources);
        this.version = hash(sources);
        List<RuleSetCompileException.Problem> globals = EngineGlobals.check(this.sources);
        if (!globals.isEmpty()) {
            throw new RuleSetCompileException(globals);
        }
        this.compiled = RuleSetCompiler.compile(this.sources);
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

    /**
     * Every {@code .drl} and {@code .bpmn2} file under {@code directory}, with paths relative to it
     * (so {@code DIR/rules/classify/x.drl} is {@code rules/classify/x.drl}), e.g. a rule repository
     * checked out from git.
     */
    public static RuleSet fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rule set directory \"" + directory + "\" does not exist");
        }
        SortedMap<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = directory.relativize(file).toString().replace('\\', '/');
                if (path.endsWith(".drl") || path.endsWith(".bpmn2") || isRuleTest(path)) {
                    sources.put(checkedPath(path), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule set in " + directory + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("rule set directory \"" + directory + "\" holds no .drl, .bpmn2 or rule test file");
        }
        return new RuleSet(sources);
    }

    /** The version a rule set of these files has, without compiling them. */
    public static String versionOf(Map<String, String> pathToSource) {
        return hash(new TreeMap<>(pathToSource));
    }

    /** SHA-256 (hex) over the sorted paths and their contents. */
    public String version() {
        return version;
    }

    /** Path to source, sorted by path. */
    public SortedMap<String, String> sources() {
        return sources;
    }

    /** What the compiler warned about (the rule set compiled). */
    public List<RuleSetCompileException.Problem> warnings() {
        return compiled.warnings();
    }

    /** A container of its own on this version, for one session. */
    KieContainer newContainer() {
        return RuleSetCompiler.newContainer(compiled);
    }

    /** Moves {@code container} (and its session) to this version. */
    void moveHere(KieContainer container) {
        RuleSetCompiler.update(container, compiled);
    }

    static String checkedPath(String path) {
        if (path == null || !(path.endsWith(".drl") || path.endsWith(".bpmn2") || isRuleTest(path))
                || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("unsupported rule set file \"" + path
                    + "\" (expected a relative path ending in .drl or .bpmn2, or a rule test rule-tests/…/*.yml)");
        }
        return path;
    }

    /** A rule test kept with the rules ({@code rule-tests/…/*.yml}); not compiled, run by the rule-test runner. */
    public static boolean isRuleTest(String path) {
        return path.startsWith(RULE_TESTS) && path.endsWith(".yml");
    }

    /** The rule tests of this set, path to text, sorted by path. */
    public SortedMap<String, String> ruleTests() {
        SortedMap<String, String> tests = new TreeMap<>();
        sources.forEach((path, text) -> {
            if (isRuleTest(path)) {
                tests.put(path, text);
            }
        });
        return tests;
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
