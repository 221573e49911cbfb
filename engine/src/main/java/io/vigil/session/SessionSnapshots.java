package io.vigil.session;

import io.vigil.model.Event;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.marshalling.Marshaller;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.rule.FactHandle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Marshals sessions to bytes and back with Drools' own marshaller (facts by Java serialization,
 * process instances, pending work items and timers). Globals, listeners and work-item handlers
 * are not part of the bytes; {@link EngineSession} sets them again.
 */
final class SessionSnapshots {

    private SessionSnapshots() {
    }

    static byte[] marshal(KieBase kieBase, KieSession kieSession) {
        Marshaller marshaller = KieServices.get().getMarshallers().newMarshaller(kieBase);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            marshaller.marshall(bytes, kieSession);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot marshal the session: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static KieSession unmarshal(KieBase kieBase, String version, BatchOutcome.Snapshot snapshot,
                                KieSessionConfiguration configuration) {
        Marshaller marshaller = KieServices.get().getMarshallers().newMarshaller(kieBase);
        KieSession kieSession;
        try {
            kieSession = marshaller.unmarshall(new ByteArrayInputStream(snapshot.bytes()), configuration,
                    KieServices.get().newEnvironment());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("cannot restore the session snapshot of event " + snapshot.lastEventId()
                    + " (rule set " + snapshot.ruleSetVersion() + ") into rule set " + version
                    + ": " + e.getMessage(), e);
        }
        dropEvents(kieSession);
        return kieSession;
    }

    /**
     * Drools 7 does not restore the expiration timers of events (DROOLS-422), so restored events
     * would stay for ever. Snapshots are taken after a batch has fired, so every rule about them
     * has run; they are retracted now, as they would have expired within seconds.
     */
    private static void dropEvents(KieSession kieSession) {
        // Copied first: deleting while iterating the live handle collection throws ConcurrentModificationException.
        List<FactHandle> events = new ArrayList<>(kieSession.getFactHandles(new ClassObjectFilter(Event.class)));
        for (FactHandle handle : events) {
            kieSession.delete(handle);
        }
    }
}
