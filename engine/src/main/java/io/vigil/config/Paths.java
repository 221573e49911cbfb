package io.vigil.config;

/**
 * Places in a document as written in path-worded problems: {@code policies[0].levels[1].notify[0]}.
 * List items are counted from 0, as a reader of the YAML indexes them.
 */
public final class Paths {

    private Paths() {
    }

    /** The place of a key under a map; a key at the top (empty path) is just the key. */
    public static String key(String path, Object key) {
        return path.isEmpty() ? String.valueOf(key) : path + "." + key;
    }

    public static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
