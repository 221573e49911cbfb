package io.vigil.session;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.runtime.KieContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Compiles a rule set's sources into an in-memory KieModule whose one knowledge base runs in STREAM
 * mode. Every build gets its own release id, so rule sets built side by side (tests, validation of
 * drafts, even of the same version) never replace each other in the JVM-wide KieRepository, and a
 * running session's container can move to another build with {@code updateToVersion}. A module
 * sits in the repository only while a container is made from it or moved to it: keeping every
 * build there would leak.
 */
final class RuleSetCompiler {

    static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String KBASE = "vigil";
    /** One default STREAM knowledge base holding every package; sessions are made from it by the engine. */
    private static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="vigil" default="true" eventProcessingMode="stream"/>
            </kmodule>
            """;

    /** A module that compiled, and what the compiler warned about. */
    record Compiled(ReleaseId releaseId, KieModule module, List<RuleSetCompileException.Problem> warnings) {
    }

    private RuleSetCompiler() {
    }

    /** @throws RuleSetCompileException listing every error when the sources do not compile */
    static Compiled compile(Map<String, String> sources) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("io.vigil", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(KMODULE);
        sources.forEach((path, source) -> {
            if (!RuleSet.isRuleTest(path)) {
                files.write(RESOURCES + path, source);
            }
        });

        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        kie.getRepository().removeKieModule(releaseId);
        List<Message> messages = builder.getResults().getMessages();
        List<RuleSetCompileException.Problem> errors = CompilerMessages.problems(messages, Message.Level.ERROR, sources);
        if (!errors.isEmpty()) {
            throw new RuleSetCompileException(errors);
        }
        List<RuleSetCompileException.Problem> unbounded = EventRetirement.eventsKeptForEver(
                ((InternalKieModule) builder.getKieModule()).getKnowledgePackagesForKieBase(KBASE));
        if (!unbounded.isEmpty()) {
            throw new RuleSetCompileException(unbounded);
        }
        return new Compiled(releaseId, builder.getKieModule(),
                CompilerMessages.problems(messages, Message.Level.WARNING, sources));
    }

    /** A new container of its own on this build (a session made from it may later move to another build). */
    static KieContainer newContainer(Compiled compiled) {
        return inRepository(compiled, () -> KieServices.get().newKieContainer(compiled.releaseId()));
    }

    /**
     * Moves a container, and the sessions made from its knowledge base, to another build: rules
     * are added, changed and removed in place, facts, process instances and timers stay.
     */
    static void update(KieContainer container, Compiled compiled) {
        Results results = inRepository(compiled, () -> container.updateToVersion(compiled.releaseId()));
        List<RuleSetCompileException.Problem> errors = CompilerMessages.problems(results.getMessages(),
                Message.Level.ERROR, Map.of());
        if (!errors.isEmpty()) {
            throw new RuleSetCompileException(errors);
        }
    }

    private static <T> T inRepository(Compiled compiled, Supplier<T> action) {
        KieServices kie = KieServices.get();
        synchronized (RuleSetCompiler.class) {
            kie.getRepository().addKieModule(compiled.module());
            try {
                return action.get();
            } finally {
                kie.getRepository().removeKieModule(compiled.releaseId());
            }
        }
    }
}
