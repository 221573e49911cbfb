package io.vigil.service.sla;

import io.vigil.model.Status;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceTreeDefinition;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SLAs of every service of a tree that has one, and their planned downtimes: one fact in
 * the rule session (Serializable, marshalled with it), driven by the session clock. Not
 * thread-safe: the engine thread owns it.
 */
public final class SlaBook implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, SlaTracker> trackers = new LinkedHashMap<>();
    private final Map<String, List<PlannedDowntime>> downtimes = new HashMap<>();

    /** Starts every SLA at {@code start} (session clock, epoch ms); the first sample is one period later. */
    public SlaBook(ServiceTreeDefinition tree, long start) {
        redefine(tree, start);
    }

    /**
     * Follows a replaced tree: a service whose SLA settings are unchanged keeps its window, one
     * with new or changed settings starts afresh at {@code now}, one without an SLA is dropped.
     */
    public void redefine(ServiceTreeDefinition tree, long now) {
        Map<String, SlaTracker> kept = new LinkedHashMap<>();
        for (ServiceDefinition service : tree.services()) {
            if (service.sla() == null) {
                continue;
            }
            SlaTracker old = trackers.get(service.name());
            kept.put(service.name(), old != null && old.settings.equals(service.sla()) ? old
                    : new SlaTracker(service.name(), service.sla(), now));
        }
        trackers.clear();
        trackers.putAll(kept);
    }

    public void addDowntime(PlannedDowntime downtime) {
        downtimes.computeIfAbsent(downtime.service(), s -> new ArrayList<>()).add(downtime);
    }

    public boolean removeDowntime(PlannedDowntime downtime) {
        List<PlannedDowntime> ofService = downtimes.getOrDefault(downtime.service(), List.of());
        return !ofService.isEmpty() && ofService.remove(downtime);
    }

    /** Downtimes that can still affect a sample (those over by the last advance are forgotten). */
    public List<PlannedDowntime> downtimes() {
        return downtimes.values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    /**
     * Takes every sample due up to {@code now} (session clock), each of the service's current
     * status; call it before applying events that happened after a sample time, so each sample
     * sees the status of its moment.
     */
    public SlaUpdate advanceTo(long now, Function<String, Status> statusOf) {
        List<SlaSample> samples = new ArrayList<>();
        List<SlaStatusChange> changes = new ArrayList<>();
        for (SlaTracker tracker : trackers.values()) {
            List<PlannedDowntime> planned = downtimes.getOrDefault(tracker.service, List.of());
            tracker.advanceTo(now, statusOf.apply(tracker.service),
                    at -> planned.stream().anyMatch(d -> d.covers(at)), samples, changes);
        }
        downtimes.values().forEach(list -> list.removeIf(d -> d.end() <= now));
        downtimes.values().removeIf(List::isEmpty);
        return new SlaUpdate(samples, changes);
    }

    public Optional<SlaView> view(String service) {
        return Optional.ofNullable(trackers.get(service)).map(SlaBook::view);
    }

    public List<SlaView> views() {
        return trackers.values().stream().map(SlaBook::view).collect(Collectors.toList());
    }

    private static SlaView view(SlaTracker tracker) {
        return new SlaView(tracker.service, tracker.settings, tracker.compliance());
    }
}
