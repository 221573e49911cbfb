package io.vigil.session;

import io.vigil.model.Event;
import org.drools.core.definitions.InternalKnowledgePackage;
import org.drools.core.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalKnowledgeBase;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.rule.Pattern;
import org.drools.core.rule.RuleConditionElement;
import org.drools.core.rule.TypeDeclaration;
import org.drools.core.rule.WindowReference;
import org.drools.core.spi.Constraint;
import org.drools.core.spi.ObjectType;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes every event out of the session once the rules have fired on it — unless the rule set gives
 * events a life of their own, in which case Drools expires them as the rule set says.
 *
 * <p>The shipped rules look at an event only in the turn that inserts it (what must last, such as an
 * element's status or an alert, is a fact of its own), so they declare no expiry, and an event would
 * otherwise stay for ever. Deleting it right after its rules fired costs what expiry would cost in
 * retracting its matches, but no expiry job per event in the session clock's queue, and no event of
 * an earlier turn is still there to meet the facts of a later one (recovery's re-run already took its
 * events out the same way). A rule set that wants events to last declares it — {@code @expires} on
 * {@code Event}, or a window or temporal operator from which Drools infers a life — and the engine
 * leaves their end to Drools.
 *
 * <p>Every {@code Event} inserted is collected, by the engine or by a rule, so none is forgotten.
 */
final class EventRetirement extends DefaultRuleRuntimeEventListener {

    private final KieSession session;
    private final List<FactHandle> fired = new ArrayList<>();
    private boolean byEngine;

    EventRetirement(KieSession session) {
        this.session = session;
        this.byEngine = retiredByEngine(session.getKieBase());
        session.addEventListener(this);
    }

    /**
     * Whether the session's rule set leaves an event's end to the engine: Drools gives events no
     * expiry, and no rule relates facts in time ({@code after}, {@code before}, … — Drools infers no
     * expiry from them as soon as another rule matches events without one) or looks at events
     * through a window (Drools 7 gives a window's events no expiry either). Either counts as
     * wanting events to last.
     */
    static boolean retiredByEngine(KieBase kieBase) {
        for (EntryPointNode entryPoint : ((InternalKnowledgeBase) kieBase).getRete().getEntryPointNodes().values()) {
            for (Map.Entry<ObjectType, ObjectTypeNode> node : entryPoint.getObjectTypeNodes().entrySet()) {
                if (node.getKey().isAssignableFrom(Event.class) && node.getValue().getExpirationOffset() >= 0) {
                    return false;
                }
            }
        }
        return rulesRelatingInTime(kieBase.getKiePackages()).isEmpty();
    }

    /**
     * The rules of a compiled rule set that relate facts in time or look through a window while
     * {@code Event} is given no {@code @expires}: Drools would then keep every event for ever (it
     * infers no expiry once any other rule matches events without a time constraint), and the
     * engine cannot take them out without breaking those rules. One problem per such rule.
     */
    static List<RuleSetCompileException.Problem> eventsKeptForEver(Collection<KiePackage> packages) {
        List<RuleSetCompileException.Problem> problems = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            for (TypeDeclaration declaration : ((InternalKnowledgePackage) kiePackage).getTypeDeclarations().values()) {
                if (Event.class.getName().equals(declaration.getTypeClassName()) && declaration.getExpirationOffset() >= 0) {
                    return problems;
                }
            }
        }
        for (RuleImpl rule : rulesRelatingInTime(packages)) {
            String path = rule.getResource() == null ? null : rule.getResource().getSourcePath();
            problems.add(new RuleSetCompileException.Problem(
                    path == null ? null : path.replaceFirst("^" + RuleSetCompiler.RESOURCES, ""), 0, 0,
                    "rule \"" + rule.getName() + "\" relates facts in time (a window, or after, before, …), so events"
                            + " must last: declare Event with @expires( … ) as long as the longest span the rules"
                            + " look over; without it every event would stay in the session for ever"));
        }
        return problems;
    }

    /** The rules with a temporal constraint or a window over events somewhere in their conditions. */
    private static List<RuleImpl> rulesRelatingInTime(Collection<KiePackage> packages) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            for (org.kie.api.definition.rule.Rule rule : kiePackage.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                if (relatesInTime(impl.getLhs(), Collections.newSetFromMap(new IdentityHashMap<>()))) {
                    rules.add(impl);
                }
            }
        }
        return rules;
    }

    /** Whether a condition, or one nested in it, has a temporal constraint or a window over events. */
    private static boolean relatesInTime(RuleConditionElement element, Set<RuleConditionElement> seen) {
        if (element == null || !seen.add(element)) {
            return false;
        }
        if (element instanceof WindowReference) {
            return true;
        }
        if (element instanceof Pattern pattern) {
            if (!pattern.getBehaviors().isEmpty() && pattern.getObjectType().isAssignableFrom(Event.class)) {
                return true;
            }
            for (Constraint constraint : pattern.getConstraints()) {
                if (constraint.isTemporal()) {
                    return true;
                }
            }
            if (relatesInTime(pattern.getSource(), seen)) {
                return true;
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            if (relatesInTime(nested, seen)) {
                return true;
            }
        }
        return false;
    }

    /** After the rule set changed in place: it may give events a life now, or no longer. */
    void ruleSetChanged() {
        byEngine = retiredByEngine(session.getKieBase());
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (byEngine && event.getObject() instanceof Event) {
            fired.add(event.getFactHandle());
        }
    }

    /**
     * Deletes the events inserted since the last call, once the rules have fired on them (a rule may
     * have deleted one already). The deletions can make rules match (a {@code not Event}): the caller
     * fires again.
     *
     * @return whether any event was deleted
     */
    boolean retire() {
        if (fired.isEmpty()) {
            return false;
        }
        List<FactHandle> handles = List.copyOf(fired);
        fired.clear();
        boolean deleted = false;
        for (FactHandle handle : handles) {
            if (session.getObject(handle) != null) {
                session.delete(handle);
                deleted = true;
            }
        }
        return deleted;
    }
}
