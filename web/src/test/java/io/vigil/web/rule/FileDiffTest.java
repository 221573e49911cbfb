package io.vigil.web.rule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class FileDiffTest {

    private static TreeMap<String, String> files(String... pathAndText) {
        TreeMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            files.put(pathAndText[i], pathAndText[i + 1]);
        }
        return files;
    }

    @Test
    void shouldShowAChangedLineWithItsContextAndCutTheRest() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj";
        String after = before.replace("h", "H");

        List<FileDiff> diffs = FileDiff.between(files("x.drl", before), files("x.drl", after));

        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo("changed");
            assertThat(d.added()).isEqualTo(1);
            assertThat(d.removed()).isEqualTo(1);
            assertThat(d.lines()).extracting(l -> l.kind() + l.text()).containsExactly(
                    "…", " e", " f", " g", "-h", "+H", " i", " j");
        });
    }

    @Test
    void shouldNameAddedAndRemovedFilesAndLeaveEqualOnesOut() {
        List<FileDiff> diffs = FileDiff.between(files("a.drl", "same", "b.drl", "old"), files("a.drl", "same", "c.drl", "new\nfile"));

        assertThat(diffs).extracting(FileDiff::path, FileDiff::change, FileDiff::added, FileDiff::removed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b.drl", "removed", 0, 1),
                        org.assertj.core.groups.Tuple.tuple("c.drl", "added", 2, 0));
    }
}
