package io.vigil.session;

import io.vigil.model.ElementStatus;
import io.vigil.model.Event;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.service.sla.SlaView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code outcomes} global: the only way rules (and the incident desk) tell the world what
 * they decided. Collects the outcomes of one batch, in order; the engine drains them after each
 * batch. Each outcome is also shown to an observer (the audit recorder, which adds it to the
 * outcome text of the firing that emitted it).
 */
public final class Outcomes {

    private final List<Outcome> collected = new ArrayList<>();
    private final Consumer<Outcome> observer;

    public Outcomes(Consumer<Outcome> observer) {
        this.observer = observer;
    }

    /** An event's category and effective status are final. */
    public void classified(Event event) {
        emit(new Outcome.EventClassified(event.getId(), event.getCategory(), event.getStatus()));
    }

    /** An element got its first status or changed status because of {@code cause}. */
    public void statusChanged(ElementStatus element, Status previous, Event cause) {
        emit(new Outcome.ElementStatusChanged(element.getResource(), element.getCheck(), element.getStatus(),
                previous, element.getSince(), cause.getId()));
    }

    /** A service entered WARNING or CRITICAL, or returned to NORMAL, at its last change. */
    public void serviceAlert(ServiceStatus service) {
        emit(new Outcome.ServiceAlert(service.getService(), service.getStatus(), service.getPrevious(),
                service.getValue(), service.getSince()));
    }

    /** A service's SLA became INCORRECT at its last SLA change. */
    public void slaAlert(ServiceStatus service, SlaView sla) {
        emit(new Outcome.SlaAlert(service.getService(), sla.compliance().percent(), sla.settings().limit(),
                service.getSlaSince()));
    }

    public void emit(Outcome outcome) {
        collected.add(outcome);
        observer.accept(outcome);
    }

    /** The outcomes since the last call, in emission order. */
    public List<Outcome> drain() {
        List<Outcome> outcomes = List.copyOf(collected);
        collected.clear();
        return outcomes;
    }
}
