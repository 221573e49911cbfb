package io.vigil.notify.policy;

import io.vigil.config.Fields;
import io.vigil.config.Paths;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The lists and named maps of a policy document, item by item, each with its place for messages
 * ({@code schedules.primary.layers[0].users[1]}).
 */
final class Items {

    /** Names are written after "user:", "schedule:" and "channel:", so they must not hold a ":" or spaces. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Items() {
    }

    /** One text of a list, e.g. a user in a layer's {@code users}. */
    record Text(String path, String text) {
    }

    /** One map of a list, e.g. a layer of a schedule. */
    record Entry(String path, Map<?, ?> map) {
    }

    /**
     * The maps listed under {@code key}; an item that is not a map is reported as
     * {@code <path>[i]: <value> is not a map} and left out. Null when absent or not a list (reported).
     */
    static List<Entry> maps(Fields fields, String path, String key, Consumer<String> report) {
        return each(fields, path, key, (itemPath, item) -> {
            if (item instanceof Map<?, ?> map) {
                return new Entry(itemPath, map);
            }
            report.accept(itemPath + ": " + Fields.describe(item) + " is not a map");
            return null;
        });
    }

    /** Reports {@code <path>.<key>: must <rule>} when the list under key is given but empty; true when it is. */
    static boolean empty(Fields fields, String path, String key, String rule, Consumer<String> report) {
        if (fields.raw(key) instanceof List<?> list && list.isEmpty()) {
            report.accept(Paths.key(path, key) + ": must " + rule);
            return true;
        }
        return false;
    }

    /**
     * Reads the texts listed under {@code key} one by one, in order: an item that is not a
     * non-blank string is reported as {@code <path>[i]: <value> is not <what>}; any other goes to
     * {@code read}, which returns null for one it reported. Null when absent or not a list
     * (reported) or when any item was unusable; an empty list stays empty.
     */
    static <T> List<T> texts(Fields fields, String path, String key, String what, Function<Text, T> read,
                             Consumer<String> report) {
        List<T> values = each(fields, path, key, (itemPath, item) -> {
            if (item instanceof String text && !text.isBlank()) {
                return read.apply(new Text(itemPath, text));
            }
            report.accept(itemPath + ": " + Fields.describe(item) + " is not " + what);
            return null;
        });
        return values != null && values.size() == fields.list(key).size() ? values : null;
    }

    /** What {@code read} makes of each item (with its place), leaving out nulls; null when absent or not a list (reported). */
    private static <T> List<T> each(Fields fields, String path, String key, BiFunction<String, Object, T> read) {
        List<?> list = fields.list(key);
        if (list == null) {
            return null;
        }
        List<T> values = new ArrayList<>();
        String listPath = Paths.key(path, key);
        for (int i = 0; i < list.size(); i++) {
            T value = read.apply(Paths.item(listPath, i), list.get(i));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * The entries of a section that maps names to maps ({@code users}, {@code channels}, {@code schedules}),
     * in document order, by name. A bad name or an entry that is not a map is reported and left out.
     */
    static Map<String, Map<?, ?>> named(Fields top, String section, Consumer<String> report) {
        Map<?, ?> map = top.map(section);
        Map<String, Map<?, ?>> entries = new LinkedHashMap<>();
        if (map == null) {
            return entries;
        }
        map.forEach((name, value) -> {
            String path = Paths.key(section, name);
            if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
                report.accept(section + ": " + Fields.describe(name)
                        + " is not a name (letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit)");
            } else if (!(value instanceof Map<?, ?> entry)) {
                report.accept(path + ": " + Fields.describe(value) + " is not a map");
            } else {
                entries.put(text, entry);
            }
        });
        return entries;
    }

    /** The names a section gives, usable or not, so that references to an entry with problems raise no second error. */
    static List<String> names(Object section) {
        List<String> names = new ArrayList<>();
        if (section instanceof Map<?, ?> map) {
            map.keySet().forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }
}
