package io.vigil.session;

import org.drools.core.common.InternalKnowledgeRuntime;
import org.drools.core.process.instance.impl.DefaultWorkItemManager;
import org.jbpm.process.instance.ProcessRuntimeImpl;
import org.jbpm.process.instance.impl.DefaultProcessInstanceManager;
import org.kie.api.runtime.KieSession;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

/**
 * jBPM's process-instance and work-item id counters, owned by us. A session restored from a
 * snapshot gets its process instances and pending work items back, but jBPM 7 starts both
 * counters again at 0 (the work-item one at the highest <em>pending</em> id): the next process
 * would take the id of one still running and silently replace it, and a new work item could
 * take the id of a finished one. So each session gets counters that start after the highest ids
 * ever used — carried in the snapshot and checked against stored state — and their values go
 * into every snapshot.
 */
final class ProcessIdCounters {

    /**
     * DefaultWorkItemManager has no setter for its counter (DefaultProcessInstanceManager has
     * one); the private field is replaced instead. Checked once, at class load: a Drools upgrade
     * that renames it fails every session creation loudly rather than reusing ids quietly.
     */
    private static final CounterField WORK_ITEM_COUNTER = new CounterField(DefaultWorkItemManager.class, "workItemCounter");

    private final AtomicLong processInstances;
    private final AtomicLong workItems;

    private ProcessIdCounters(AtomicLong processInstances, AtomicLong workItems) {
        this.processInstances = processInstances;
        this.workItems = workItems;
    }

    /** Makes the session hand out ids above {@code lastProcessInstance} and {@code lastWorkItem}. */
    static ProcessIdCounters attach(KieSession kieSession, long lastProcessInstance, long lastWorkItem) {
        AtomicLong processInstances = new AtomicLong(lastProcessInstance);
        AtomicLong workItems = new AtomicLong(lastWorkItem);
        InternalKnowledgeRuntime runtime = (InternalKnowledgeRuntime) kieSession;
        ProcessRuntimeImpl processRuntime = (ProcessRuntimeImpl) runtime.getProcessRuntime();
        ((DefaultProcessInstanceManager) processRuntime.getProcessInstanceManager()).setProcessCounter(processInstances);
        DefaultWorkItemManager workItemManager = (DefaultWorkItemManager) kieSession.getWorkItemManager();
        // Pending work items of a restored session may already have raised jBPM's own counter.
        workItems.accumulateAndGet(WORK_ITEM_COUNTER.get(workItemManager).get(), Math::max);
        WORK_ITEM_COUNTER.set(workItemManager, workItems);
        return new ProcessIdCounters(processInstances, workItems);
    }

    long lastProcessInstanceId() {
        return processInstances.get();
    }

    long lastWorkItemId() {
        return workItems.get();
    }

    private record CounterField(Field field) {

        CounterField(Class<?> owner, String name) {
            this(find(owner, name));
        }

        private static Field find(Class<?> owner, String name) {
            try {
                Field field = owner.getDeclaredField(name);
                if (field.getType() != AtomicLong.class) {
                    throw new IllegalStateException(owner.getName() + "." + name + " is a " + field.getType().getName()
                            + ", not an AtomicLong");
                }
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("this Drools version has no " + owner.getName() + "." + name
                        + "; the work-item id counter cannot be carried across restarts", e);
            }
        }

        AtomicLong get(Object target) {
            try {
                return (AtomicLong) field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void set(Object target, AtomicLong value) {
            try {
                field.set(target, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
