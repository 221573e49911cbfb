package io.vigil.alert;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/** Matchers that must all pass (an empty list passes everything), as in an Alertmanager silence or route. */
public record Matchers(List<Matcher> list) implements Serializable {

    public static final Matchers NONE = new Matchers(List.of());

    /** Parses each text with {@link Matcher#parse}; the first bad one throws. */
    public static Matchers parse(List<String> texts) {
        return new Matchers(texts.stream().map(Matcher::parse).toList());
    }

    public Matchers {
        list = List.copyOf(list);
    }

    public boolean matches(Function<String, String> valueOf) {
        for (Matcher matcher : list) {
            if (!matcher.matches(valueOf)) {
                return false;
            }
        }
        return true;
    }

    /** True when even something with no fields or attributes at all would pass, i.e. they narrow nothing down. */
    public boolean matchEverything() {
        return list.stream().allMatch(Matcher::matchesEmpty);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The canonical spellings, e.g. {@code [resource="db01", check=~"disk|mysql"]}. */
    public List<String> texts() {
        return list.stream().map(Matcher::toString).toList();
    }
}
