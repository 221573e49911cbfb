package io.vigil.web.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * How one file of a rule set differs from the same path in another version: added, removed or
 * changed, with its lines marked kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}),
 * unchanged stretches cut to {@link #CONTEXT} lines around each change; a removed line comes before
 * the line that replaces it. A longest-common-subsequence
 * diff: rule files are hundreds of lines, not hundreds of thousands.
 */
record FileDiff(String path, String change, int added, int removed, List<Line> lines) {

    static final int CONTEXT = 3;
    /** Beyond this many lines on both sides the quadratic table would be too big: the file shows as replaced. */
    static final int MAX_LINES = 5_000;

    /** One line of the diff; {@code kind} is ' ', '-', '+', or '…' for cut unchanged lines. */
    record Line(char kind, String text) {

        /** As the page shows it: the marker, a space, the text ("…" alone for a cut). */
        public String shown() {
            return kind == '…' ? "…" : kind + " " + text;
        }

        public String css() {
            return switch (kind) {
                case '+' -> "add";
                case '-' -> "del";
                case '…' -> "cut";
                default -> "same";
            };
        }
    }

    /** Every file whose text differs between {@code before} and {@code after}, in path order. */
    static List<FileDiff> between(SortedMap<String, String> before, SortedMap<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String old = before.get(path);
            String now = after.get(path);
            if (old == null) {
                diffs.add(of(path, "added", "", now));
            } else if (now == null) {
                diffs.add(of(path, "removed", old, ""));
            } else if (!old.equals(now)) {
                diffs.add(of(path, "changed", old, now));
            }
        }
        return diffs;
    }

    private static FileDiff of(String path, String change, String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        List<Line> all = a.length > MAX_LINES && b.length > MAX_LINES ? replaced(a, b) : lcs(a, b);
        int added = (int) all.stream().filter(l -> l.kind() == '+').count();
        int removed = (int) all.stream().filter(l -> l.kind() == '-').count();
        return new FileDiff(path, change, added, removed, cut(all));
    }

    private static List<Line> lcs(String[] a, String[] b) {
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(' ', a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line('-', a[i++]));
            } else {
                lines.add(new Line('+', b[j++]));
            }
        }
        return lines;
    }

    private static List<Line> replaced(String[] a, String[] b) {
        List<Line> lines = new ArrayList<>();
        for (String line : a) {
            lines.add(new Line('-', line));
        }
        for (String line : b) {
            lines.add(new Line('+', line));
        }
        return lines;
    }

    /** Keeps changed lines and {@link #CONTEXT} kept lines around them; a longer kept stretch becomes one '…'. */
    private static List<Line> cut(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int n = 0; n < all.size(); n++) {
            if (all.get(n).kind() != ' ') {
                for (int k = Math.max(0, n - CONTEXT); k <= Math.min(all.size() - 1, n + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> shown = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            if (keep[n]) {
                shown.add(all.get(n));
            } else if (shown.isEmpty() || shown.get(shown.size() - 1).kind() != '…') {
                shown.add(new Line('…', ""));
            }
        }
        return shown;
    }
}
