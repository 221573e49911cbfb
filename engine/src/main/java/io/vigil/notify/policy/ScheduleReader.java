package io.vigil.notify.policy;

import io.vigil.config.Fields;
import io.vigil.config.Paths;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the {@code schedules} section: each a time zone, layers of rotations and overrides. */
final class ScheduleReader {

    private static final Set<String> SCHEDULE_KEYS = Set.of("timeZone", "layers", "overrides");
    private static final Set<String> LAYER_KEYS = Set.of("name", "start", "rotation", "users", "restrict");
    private static final Set<String> RESTRICT_KEYS = Set.of("days", "from", "to");
    private static final Set<String> OVERRIDE_KEYS = Set.of("user", "from", "to");
    private static final Map<String, Rotation> ROTATIONS = new LinkedHashMap<>();
    private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

    static {
        for (Rotation rotation : Rotation.values()) {
            ROTATIONS.put(rotation.key(), rotation);
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            DAYS.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), day);
        }
    }

    private static final String DAY_NAMES = String.join(", ", DAYS.keySet());

    private final Collection<String> users;
    private final Consumer<String> report;

    /** @param users the names under {@code users}, which layers and overrides may name */
    private ScheduleReader(Collection<String> users, Consumer<String> report) {
        this.users = users;
        this.report = report;
    }

    static Map<String, OnCallSchedule> read(Fields top, Collection<String> users, Consumer<String> report) {
        ScheduleReader reader = new ScheduleReader(users, report);
        Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
        Items.named(top, "schedules", report).forEach((name, map) -> {
            OnCallSchedule schedule = reader.schedule(name, map);
            if (schedule != null) {
                schedules.put(name, schedule);
            }
        });
        return schedules;
    }

    private OnCallSchedule schedule(String name, Map<?, ?> map) {
        String path = Paths.key("schedules", name);
        Fields fields = Fields.at(map, SCHEDULE_KEYS, path, report);
        fields.require("timeZone");
        fields.require("layers");
        ZoneId zone = zone(fields, path);
        List<ScheduleLayer> layers = new ArrayList<>();
        List<Items.Entry> layerEntries = Items.maps(fields, path, "layers", report);
        boolean usable = layerEntries != null && !Items.empty(fields, path, "layers", "have at least one layer", report);
        for (Items.Entry entry : layerEntries == null ? List.<Items.Entry>of() : layerEntries) {
            ScheduleLayer layer = layer(entry, layers.size());
            usable &= layer != null;
            if (layer != null) {
                layers.add(layer);
            }
        }
        List<ScheduleOverride> overrides = new ArrayList<>();
        List<Items.Entry> overrideEntries = Items.maps(fields, path, "overrides", report);
        for (Items.Entry entry : overrideEntries == null ? List.<Items.Entry>of() : overrideEntries) {
            ScheduleOverride override = override(entry);
            usable &= override != null;
            if (override != null) {
                overrides.add(override);
            }
        }
        return usable && zone != null ? new OnCallSchedule(name, zone, layers, overrides) : null;
    }

    private ZoneId zone(Fields fields, String path) {
        String text = fields.string("timeZone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            report.accept(Paths.key(path, "timeZone") + ": unknown time zone " + Fields.describe(text));
            return null;
        }
    }

    private ScheduleLayer layer(Items.Entry entry, int index) {
        Fields fields = Fields.at(entry.map(), LAYER_KEYS, entry.path(), report);
        List.of("start", "rotation", "users").forEach(fields::require);
        String name = fields.has("name") ? fields.nonBlank("name") : "layer " + (index + 1);
        LocalDateTime start = LocalTimes.dateTime(fields, "start");
        Rotation rotation = fields.oneOf("rotation", ROTATIONS);
        List<String> layerUsers = users(fields, entry.path());
        Restriction restrict = fields.has("restrict") ? restriction(fields, entry.path()) : Restriction.NONE;
        boolean usable = name != null && start != null && rotation != null && layerUsers != null && restrict != null;
        return usable ? new ScheduleLayer(name, start, rotation, layerUsers, restrict) : null;
    }

    /** The layer's users in turn; null unless all of them are known. */
    private List<String> users(Fields fields, String path) {
        List<String> names = Items.texts(fields, path, "users", "a user name",
                text -> knownUser(text.path(), text.text()) ? text.text() : null, report);
        return Items.empty(fields, path, "users", "name at least one user", report) ? null : names;
    }

    private Restriction restriction(Fields layer, String layerPath) {
        Map<?, ?> map = layer.map("restrict");
        if (map == null) {
            return null;
        }
        String path = Paths.key(layerPath, "restrict");
        Fields fields = Fields.at(map, RESTRICT_KEYS, path, report);
        List<DayOfWeek> days = fields.has("days") ? Items.texts(fields, path, "days", "a day (" + DAY_NAMES + ")",
                text -> day(text), report) : List.of(DayOfWeek.values());
        boolean usable = days != null && !Items.empty(fields, path, "days", "name at least one day", report);
        LocalTime from = LocalTimes.time(fields, "from", LocalTime.MIDNIGHT);
        LocalTime to = LocalTimes.time(fields, "to", LocalTime.MAX);
        if (from != null && to != null && !to.isAfter(from)) {
            report.accept(path + ": to " + Fields.describe(fields.has("to") ? fields.raw("to") : LocalTimes.END_OF_DAY)
                    + " is not after from " + Fields.describe(fields.has("from") ? fields.raw("from") : "00:00"));
            usable = false;
        }
        return usable && from != null && to != null ? new Restriction(Set.copyOf(days), from, to) : null;
    }

    private DayOfWeek day(Items.Text text) {
        DayOfWeek day = DAYS.get(text.text());
        if (day == null) {
            report.accept(text.path() + ": " + Fields.describe(text.text()) + " is not a day (" + DAY_NAMES + ")");
        }
        return day;
    }

    private ScheduleOverride override(Items.Entry entry) {
        Fields fields = Fields.at(entry.map(), OVERRIDE_KEYS, entry.path(), report);
        List.of("user", "from", "to").forEach(fields::require);
        String user = fields.string("user");
        boolean known = user != null && knownUser(Paths.key(entry.path(), "user"), user);
        LocalDateTime from = LocalTimes.dateTime(fields, "from");
        LocalDateTime to = LocalTimes.dateTime(fields, "to");
        if (from != null && to != null && !to.isAfter(from)) {
            report.accept(entry.path() + ": to " + to + " is not after from " + from);
            return null;
        }
        return known && from != null && to != null ? new ScheduleOverride(user, from, to) : null;
    }

    private boolean knownUser(String path, String name) {
        if (!users.contains(name)) {
            report.accept(path + ": unknown user " + Fields.describe(name));
            return false;
        }
        return true;
    }
}
