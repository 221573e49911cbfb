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
                .hasMessage("unsupported rule set file \"rules/notes.txt\" (expected a relative path ending in .drl or .bpmn2)");
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

    private static void write(JarOutputStream jar, String path, String text) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        OutputStream out = jar;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
