package io.vigil.store.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service groups a user or token is granted, kept in one comma-separated column
 * ({@code service_groups}). A group name is what a service's {@code group} says; the names are
 * restricted so that the stored list can be split again without escaping.
 */
public final class ServiceGroups {

    /** What a group name may look like: letters, digits and . _ - (no commas, no blanks). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int MAX_COLUMN = 1024;

    private ServiceGroups() {
    }

    /**
     * Validates names and returns them as the stored column text (sorted, no duplicates).
     *
     * @throws IllegalArgumentException quoting the first bad name
     */
    public static String join(Collection<String> groups) {
        if (groups == null) {
            return "";
        }
        Set<String> sorted = new TreeSet<>();
        for (String group : groups) {
            if (group == null || !NAME.matcher(group).matches()) {
                throw new IllegalArgumentException("group \"" + group + "\" must be 1 to 64 letters, digits or . _ -");
            }
            sorted.add(group);
        }
        String joined = String.join(",", sorted);
        if (joined.length() > MAX_COLUMN) {
            throw new IllegalArgumentException("groups take " + joined.length() + " characters, at most " + MAX_COLUMN
                    + " fit");
        }
        return joined;
    }

    /** The stored column text as a sorted set; empty for null or "". */
    public static Set<String> split(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        TreeSet<String> groups = Arrays.stream(column.split(",")).filter(g -> !g.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSet(groups);
    }
}
