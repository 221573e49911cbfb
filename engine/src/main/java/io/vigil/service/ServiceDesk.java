package io.vigil.service;

import io.vigil.model.ElementStatus;
import io.vigil.model.ServiceStatus;
import io.vigil.service.sla.PlannedDowntime;
import io.vigil.service.sla.SlaBook;
import io.vigil.service.sla.SlaStatus;
import io.vigil.service.sla.SlaStatusChange;
import io.vigil.service.sla.SlaUpdate;
import io.vigil.service.sla.TakenSample;
import io.vigil.session.CommandResult;
import io.vigil.session.Outcome;
import io.vigil.session.Outcomes;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code services} global and the glue between the session and the service tree. The
 * session always holds exactly one {@link ServiceTree} fact, one {@link SlaBook} fact (both
 * empty at first, marshalled with snapshots) and one {@link ServiceStatus} fact per service.
 * Rules push element changes in here; commands replace the tree and plan downtimes; the engine
 * thread samples SLAs here whenever the clock moves. Every change becomes a fact update (so
 * rules see it) and an outcome (so it is stored).
 *
 * <p>Engine thread only. Attach it to each session it serves, also after a restore: it finds
 * the tree, the book and the service statuses among the restored facts.
 */
public final class ServiceDesk {

    /** Status changes, with the properties they touch: rules on the status ignore value-only changes. */
    private static final String[] STATUS_PROPERTIES = {"status", "previous", "value", "since", "changes", "lastEventId"};
    private static final String CASCADE_RELEASES = "cascadeReleases";

    private final Outcomes outcomes;
    private final Map<String, FactHandle> statuses = new HashMap<>();
    private long lastDowntimeId;
    private KieSession session;
    private FactHandle treeHandle;
    private FactHandle bookHandle;
    private boolean stateChanged;

    /** @param lastDowntimeId the highest planned-downtime id stored; new ones continue after it */
    public ServiceDesk(Outcomes outcomes, long lastDowntimeId) {
        this.outcomes = outcomes;
        this.lastDowntimeId = lastDowntimeId;
    }

    /** Serves {@code kieSession} from now on; inserts an empty tree and book when it has none (a new session). */
    public void attach(KieSession kieSession) {
        session = kieSession;
        treeHandle = onlyHandle(ServiceTree.class);
        if (treeHandle == null) {
            treeHandle = session.insert(new ServiceTree(ServiceTreeDefinition.EMPTY));
        }
        bookHandle = onlyHandle(SlaBook.class);
        if (bookHandle == null) {
            bookHandle = session.insert(new SlaBook(ServiceTreeDefinition.EMPTY, now()));
        }
        statuses.clear();
        for (FactHandle handle : session.getFactHandles(new ClassObjectFilter(ServiceStatus.class))) {
            statuses.put(((ServiceStatus) session.getObject(handle)).getService(), handle);
        }
    }

    public ServiceTree tree() {
        return (ServiceTree) session.getObject(treeHandle);
    }

    public SlaBook book() {
        return (SlaBook) session.getObject(bookHandle);
    }

    /**
     * Called by rules when a module got a status or changed it: updates the services above it
     * (incrementally) and their {@link ServiceStatus} facts, and reports each change.
     */
    public void propagate(ServiceTree tree, ElementStatus element) {
        long releases = tree.getCascadeReleases();
        List<ServiceStatusChange> changes = tree.elementChanged(element.getResource(), element.getCheck(),
                element.getStatus());
        for (ServiceStatusChange change : changes) {
            record(change, element.getLastEventId());
        }
        if (tree.getCascadeReleases() != releases) {
            session.update(treeHandle, tree, CASCADE_RELEASES);
        }
    }

    /**
     * Starts a session without a snapshot on the stored tree and downtimes, quietly: stored state
     * already says all of it, and no element has a status yet.
     */
    public void load(ServiceTreeDefinition definition, Map<Long, PlannedDowntime> downtimes) {
        install(new ServiceTree(definition));
        downtimes.forEach(book()::addDowntime);
    }

    /**
     * Swaps in a new tree: every current module status is fed through it, SLAs with unchanged
     * settings keep their windows, and every service whose status is known (or moved) is reported.
     */
    public CommandResult replace(ServiceTreeDefinition definition, String document, String actor) {
        ServiceTree next;
        try {
            next = new ServiceTree(definition);
        } catch (ServiceDefinitionException e) {
            return CommandResult.conflict(e.getMessage());
        }
        List<ElementStatus> elements = session.getObjects(new ClassObjectFilter(ElementStatus.class)).stream()
                .map(ElementStatus.class::cast).toList();
        for (ElementStatus element : elements) {
            next.elementChanged(element.getResource(), element.getCheck(), element.getStatus());
        }
        outcomes.emit(new Outcome.ServiceTreeReplaced(ServiceTreeVersion.of(document), document,
                definition.services().size(), actor, now()));
        install(next);
        stateChanged = true;
        return CommandResult.done();
    }

    private void install(ServiceTree next) {
        long now = now();
        book().redefine(next.definition(), now);
        // The whole tree changed, so suppression may have ended anywhere: the same property as a release.
        session.update(treeHandle, next, CASCADE_RELEASES);
        Set<String> kept = new HashSet<>();
        for (ServiceSummary service : next.services()) {
            kept.add(service.name());
            FactHandle handle = statuses.get(service.name());
            if (handle == null) {
                statuses.put(service.name(), session.insert(new ServiceStatus(service.name(), service.status(),
                        service.value(), now)));
                if (ServiceStatusCalculator.isKnown(service.status())) {
                    outcomes.emit(new Outcome.ServiceStatusChanged(service.name(), service.status(), null,
                            service.value(), null, now));
                }
            } else {
                ServiceStatus current = (ServiceStatus) session.getObject(handle);
                ServiceStatusChange change = new ServiceStatusChange(service.name(), current.getStatus(),
                        service.status(), current.getValue(), service.value());
                if (change.statusChanged() || change.previousValue().compareTo(change.value()) != 0
                        || ServiceStatusCalculator.isKnown(service.status())) {
                    record(change, null);
                }
                followSla(handle, current, now);
            }
        }
        statuses.entrySet().removeIf(entry -> {
            if (kept.contains(entry.getKey())) {
                return false;
            }
            session.delete(entry.getValue());
            return true;
        });
    }

    /** A new or changed SLA starts afresh (N/A) and a dropped one is N/A: the fact follows the book. */
    private void followSla(FactHandle handle, ServiceStatus fact, long now) {
        SlaStatus status = book().view(fact.getService()).map(sla -> sla.compliance().status())
                .orElse(SlaStatus.NOT_AVAILABLE);
        if (status != fact.getSlaStatus()) {
            fact.slaChanged(status, now);
            session.update(handle, fact, "slaStatus", "slaSince");
        }
    }

    /** Plans a downtime of a service: its SLA samples inside it are left out. */
    public CommandResult schedule(String service, long start, long end, String comment, String actor) {
        if (!tree().contains(service)) {
            return CommandResult.notFound("unknown service \"" + service + "\"");
        }
        if (end <= start) {
            return CommandResult.conflict("planned downtime of service \"" + service + "\" must end after it starts"
                    + " (start " + Instant.ofEpochMilli(start) + ", end " + Instant.ofEpochMilli(end) + ")");
        }
        long id = ++lastDowntimeId;
        book().addDowntime(id, new PlannedDowntime(start, end, service, comment));
        outcomes.emit(new Outcome.DowntimeScheduled(id, service, start, end, comment == null ? "" : comment, actor,
                now()));
        stateChanged = true;
        return CommandResult.created(id);
    }

    public CommandResult cancel(long downtimeId, String actor) {
        return book().removeDowntime(downtimeId).map(downtime -> {
            outcomes.emit(new Outcome.DowntimeCancelled(downtimeId, downtime.service(), actor, now()));
            stateChanged = true;
            return CommandResult.done();
        }).orElseGet(() -> CommandResult.notFound("planned downtime " + downtimeId
                + " does not exist, is over or was cancelled"));
    }

    /**
     * Takes the SLA samples due by the session clock, each of its service's status now (the
     * engine calls this whenever the clock moved, before the next events go in, so a sample sees
     * the status of its moment). Each SLA status change also updates the service's fact.
     */
    public void sample() {
        ServiceTree tree = tree();
        SlaUpdate update = book().advanceTo(now(), tree::status);
        List<SlaStatusChange> changes = update.changes();
        int next = 0;
        for (TakenSample taken : update.taken()) {
            outcomes.emit(new Outcome.SlaSampled(taken.sample().service(), taken.sample().at(),
                    taken.sample().outcome(), taken.compliance().percent(), taken.compliance().status()));
            // changes come in the same service-then-time order as the samples that caused them
            for (; next < changes.size() && changes.get(next).service().equals(taken.sample().service())
                    && changes.get(next).at() == taken.sample().at(); next++) {
                slaChanged(changes.get(next));
            }
        }
    }

    /** True once after the tree or the downtimes changed: state the journal cannot rebuild, so the batch needs a snapshot. */
    public boolean takeStateChanged() {
        boolean changed = stateChanged;
        stateChanged = false;
        return changed;
    }

    private void slaChanged(SlaStatusChange change) {
        outcomes.emit(new Outcome.SlaStatusChanged(change.service(), change.status(), change.previous(),
                change.compliance(), change.at()));
        FactHandle handle = statuses.get(change.service());
        ServiceStatus fact = (ServiceStatus) session.getObject(handle);
        fact.slaChanged(change.status(), change.at());
        session.update(handle, fact, "slaStatus", "slaSince");
    }

    private void record(ServiceStatusChange change, Long eventId) {
        long now = now();
        FactHandle handle = statuses.get(change.service());
        ServiceStatus fact = (ServiceStatus) session.getObject(handle);
        if (change.statusChanged()) {
            fact.change(change.status(), change.value(), now, eventId);
            session.update(handle, fact, STATUS_PROPERTIES);
        } else {
            fact.revalue(change.value());
            session.update(handle, fact, "value");
        }
        outcomes.emit(new Outcome.ServiceStatusChanged(change.service(), change.status(), change.previousStatus(),
                change.value(), change.previousValue(), now));
    }

    private FactHandle onlyHandle(Class<?> type) {
        var handles = session.getFactHandles(new ClassObjectFilter(type));
        if (handles.size() > 1) {
            throw new IllegalStateException("the session holds " + handles.size() + " " + type.getSimpleName()
                    + " facts; it must hold one");
        }
        return handles.isEmpty() ? null : handles.iterator().next();
    }

    private long now() {
        return session.getSessionClock().getCurrentTime();
    }
}
