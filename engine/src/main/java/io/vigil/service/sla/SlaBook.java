package io.vigil.service.sla;

import io.vigil.model.Describable;
import io.vigil.model.Status;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceTreeDefinition;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SLAs of every service of a tree that has one, and their planned downtimes: one fact in
 * the rule session (Serializable, marshalled with it), driven by the session clock. Not
 * thread-safe: the engine thread owns it.
 */
public final class SlaBook implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, SlaTracker> trackers = new LinkedHashMap<>();
    /** By id (the id the engine gave it, so a person can cancel it), in id order. */
    private final Map<Long, PlannedDowntime> downtimes = new TreeMap<>();

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

    public void addDowntime(long id, PlannedDowntime downtime) {
        downtimes.put(id, downtime);
    }

    /** Cancels a downtime; empty when there is none with that id (never was, cancelled, or over and forgotten). */
    public Optional<PlannedDowntime> removeDowntime(long id) {
        return Optional.ofNullable(downtimes.remove(id));
    }

    /** Downtimes by id that can still affect a sample (those over by the last advance are forgotten). */
    public Map<Long, PlannedDowntime> downtimes() {
        return Collections.unmodifiableMap(downtimes);
    }

    /**
     * Takes every sample due up to {@code now} (session clock), each of the service's current
     * status; call it before applying events that happened after a sample time, so each sample
     * sees the status of its moment.
     */
    public SlaUpdate advanceTo(long now, Function<String, Status> statusOf) {
        List<TakenSample> samples = new ArrayList<>();
        List<SlaStatusChange> changes = new ArrayList<>();
        Map<String, List<PlannedDowntime>> byService = downtimes.values().stream()
                .collect(Collectors.groupingBy(PlannedDowntime::service));
        for (SlaTracker tracker : trackers.values()) {
            List<PlannedDowntime> planned = byService.getOrDefault(tracker.service, List.of());
            tracker.advanceTo(now, statusOf.apply(tracker.service),
                    at -> planned.stream().anyMatch(d -> d.covers(at)), samples, changes);
        }
        downtimes.values().removeIf(d -> d.end() <= now);
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

    @Override
    public String factId() {
        return "sla-book";
    }

    @Override
    public String summary() {
        return trackers.size() + " SLAs, " + downtimes.size() + " planned downtimes";
    }

    @Override
    public String toString() {
        return "SlaBook(" + summary() + ")";
    }
}
