package io.vigil.service;

import io.vigil.config.Fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a list section of maps (confirmations, dependencies, heartbeats, silences) entry by entry.
 * Each problem is put after the entry's name: {@code heartbeat 2: ...}, or {@code dependency "web01": ...}
 * where the section names its entries by a key.
 *
 * @param kind     an entry's name in messages, e.g. "heartbeat"
 * @param keys     the keys an entry may have
 * @param nameKey  the key whose text names an entry, or null to name entries by number
 * @param reader   reads one entry; null when it is unusable (its problems are reported)
 * @param identity what two entries must not share, e.g. {@code resource "web01"}; null when they may
 */
record SectionEntries<T>(String kind, Set<String> keys, String nameKey, EntryReader<T> reader,
                         Function<T, String> identity) {

    interface EntryReader<T> {
        T read(Fields fields, Consumer<String> report);
    }

    /** The usable entries in document order; an absent section has none. */
    List<T> read(List<?> items, Consumer<String> report) {
        List<T> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof Map<?, ?> map)) {
                report.accept(kind + " " + (i + 1) + " is not a map: " + Fields.describe(item));
                continue;
            }
            String subject = nameKey != null && map.get(nameKey) instanceof String name && !name.isBlank()
                    ? kind + " \"" + name + "\"" : kind + " " + (i + 1);
            Consumer<String> entryReport = problem -> report.accept(subject + ": " + problem);
            T entry = reader.read(new Fields(map, keys, "", "", "", entryReport), entryReport);
            if (entry == null) {
                continue;
            }
            Integer first = identity == null ? null : seen.putIfAbsent(identity.apply(entry), i + 1);
            if (first != null) {
                report.accept(kind + " " + (i + 1) + " repeats " + identity.apply(entry) + " (" + kind + " " + first + ")");
            }
            entries.add(entry);
        }
        return entries;
    }
}
