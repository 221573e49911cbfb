package io.vigil.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTest {

    private static final String FIRST = """
            package rules.first
            import io.vigil.model.Event
            rule "Tag first"
            when
                $e : Event( check == "first" )
            then
                modify( $e ) { setCategory( "first" ) }
            end
            """;

    private static final String SECOND = """
            package rules.second
            import io.vigil.model.Event
            rule "Tag second"
            when
                $e : Event( check == "second" )
            then
                modify( $e ) { setCategory( "second" ) }
            end
            """;

    @Test
    void shouldGiveTheSameVersionForTheSameSourcesWhateverTheirOrder() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("rules/first/a.drl", FIRST);
        forward.put("rules/second/b.drl", SECOND);
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("rules/second/b.drl", SECOND);
        backward.put("rules/first/a.drl", FIRST);

        RuleSet one = RuleSet.of(forward);
        RuleSet other = RuleSet.of(backward);

        assertThat(one.version()).hasSize(64).matches("[0-9a-f]+").isEqualTo(other.version());
        assertThat(one.sources().keySet()).containsExactly("rules/first/a.drl", "rules/second/b.drl");
    }

    @Test
    void shouldChangeTheVersionWhenAnySourceChanges() {
        RuleSet original = RuleSet.of(Map.of("rules/first/a.drl", FIRST));
        RuleSet edited = RuleSet.of(Map.of("rules/first/a.drl", FIRST.replace("\"first\" )", "\"other\" )")));
        RuleSet moved = RuleSet.of(Map.of("rules/first/b.drl", FIRST));

        assertThat(edited.version()).isNotEqualTo(original.version());
        assertThat(moved.version()).isNotEqualTo(original.version());
    }

    @Test
    void shouldNameFileAndLineOfACompileError() {
        String broken = FIRST.replace("$e : Event( check == \"first\" )", "$e : Event( chek == \"first\" )");

        assertThatThrownBy(() -> RuleSet.of(Map.of("rules/first/a.drl", broken)))
                .isInstanceOf(RuleSetCompileException.class)
                .hasMessageStartingWith("rule set does not compile:\nrules/first/a.drl:5:")
                .hasMessageContaining("chek")
                .satisfies(e -> assertThat(((RuleSetCompileException) e).problems())
                        .allSatisfy(p -> assertThat(p.path()).isEqualTo("rules/first/a.drl")));
    }

    @Test
    void shouldRefuseFilesThatAreNeitherRulesNorProcesses() {
        assertThatThrownBy(() -> RuleSet.of(Map.of("rules/notes.txt", "hello")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported rule set file \"rules/notes.txt\" (expected a relative path ending in .drl or .bpmn2, or a"
                        + " rule test rule-tests/…/*.yml)");
    }

    @Test
    void shouldLoadTheSameRuleSetFromADirectoryAndFromAJar(@TempDir Path temp) throws IOException {
        Path directory = temp.resolve("classes");
        Files.createDirectories(directory.resolve("rules/first"));
        Files.writeString(directory.resolve("rules/first/a.drl"), FIRST);
        Path jar = temp.resolve("more-rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[]{"rules/", "rules/second/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            write(out, "rules/second/b.drl", SECOND);
        }

        RuleSet loaded;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{directory.toUri().toURL(), jar.toUri().toURL()}, null)) {
            loaded = RuleSet.fromClasspath(loader);
        }

        assertThat(loaded.sources()).containsOnlyKeys("rules/first/a.drl", "rules/second/b.drl");
        assertThat(loaded.version())
                .isEqualTo(RuleSet.of(Map.of("rules/first/a.drl", FIRST, "rules/second/b.drl", SECOND)).version());
    }

    @Test
    void shouldPlaceAMissingEndAtItsLineAndColumn() {
        String missingEnd = FIRST.replace("end\n", "") + SECOND.substring(SECOND.indexOf("rule "));

        assertThat(problems(missingEnd)).first().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/first/a.drl");
            // The consequence of "Tag first" runs on to the next "end"; the parser stops where a statement cannot go on.
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.text()).isEqualTo("[ERR 102] Line 12:4 mismatched input 'modify' in rule \"Tag first\"");
        });
    }

    @Test
    void shouldPlaceAnUnknownTypeAtItsLineAndColumn() {
        String unknownType = FIRST.replace("$e : Event( check", "$e : Evnt( check");

        assertThat(problems(unknownType)).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(10);
            assertThat(p.text()).startsWith("Unable to resolve ObjectType 'Evnt'");
        });
    }

    @Test
    void shouldPlaceABadConstraintAtItsLineAndColumn() {
        String badConstraint = FIRST.replace("check == \"first\"", "check = = \"first\"");

        assertThat(problems(badConstraint)).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(23);
            assertThat(p.text()).isEqualTo("[ERR 102] Line 5:22 mismatched input '=' in rule \"Tag first\"");
        });
        assertThat(problems(badConstraint)).hasSize(1);
    }

    @Test
    void shouldRefuseAGlobalTheEngineDoesNotProvideWhereItIsDeclared() {
        String mailing = FIRST.replace("import io.vigil.model.Event\n",
                "import io.vigil.model.Event\nglobal java.util.List mailbox\n");

        assertThat(problems(mailing)).containsExactly(new RuleSetCompileException.Problem("rules/first/a.drl", 3, 23,
                "global \"mailbox\" is not provided by the engine (it provides alerts, incidents, outcomes, services)"));
    }

    @Test
    void shouldReadARuleSetFromADirectoryAsFromTheClasspath(@TempDir Path directory) throws IOException {
        Files.createDirectories(directory.resolve("rules/first"));
        Files.writeString(directory.resolve("rules/first/a.drl"), FIRST);
        Files.writeString(directory.resolve("README.md"), "not a rule");

        RuleSet loaded = RuleSet.fromDirectory(directory);

        assertThat(loaded.version()).isEqualTo(RuleSet.of(Map.of("rules/first/a.drl", FIRST)).version());
        assertThatThrownBy(() -> RuleSet.fromDirectory(directory.resolve("missing")))
                .hasMessage("rule set directory \"" + directory.resolve("missing") + "\" does not exist");
    }

    private static java.util.List<RuleSetCompileException.Problem> problems(String source) {
        try {
            RuleSet.of(Map.of("rules/first/a.drl", source));
        } catch (RuleSetCompileException e) {
            return e.problems();
        }
        throw new AssertionError("compiled although it should not");
    }

    private static void write(JarOutputStream jar, String path, String text) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        OutputStream out = jar;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
