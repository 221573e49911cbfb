package io.vigil.session;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Compiles a rule set's sources into a STREAM-mode knowledge base. */
final class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleSetCompiler() {
    }

    static KieBase compile(Map<String, String> sources, String version) {
        KieServices kie = KieServices.get();
        // A release id per build: rule sets built side by side (tests, DRL authoring, even of the
        // same version) must not replace each other in the JVM-wide KieRepository.
        ReleaseId releaseId = kie.newReleaseId("io.vigil.ruleset", "ruleset-" + version, "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        sources.forEach((path, source) -> files.write(RESOURCES + path, source));

        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> messages = builder.getResults().getMessages();
        List<RuleSetCompileException.Problem> errors = messages.stream()
                .filter(m -> m.getLevel() == Message.Level.ERROR)
                .map(RuleSetCompiler::problem)
                .toList();
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetCompileException(errors);
        }
        messages.forEach(m -> log.warn("rule set {}: {}", version.substring(0, 12), problem(m)));

        KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
        configuration.setOption(EventProcessingOption.STREAM);
        KieBase kieBase = kie.newKieContainer(releaseId).newKieBase(configuration);
        // The container holds what it needs; keeping every built version in the repository would leak.
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    private static RuleSetCompileException.Problem problem(Message message) {
        String path = message.getPath();
        if (path != null && path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        return new RuleSetCompileException.Problem(path, message.getLine(), message.getColumn(),
                message.getText().strip());
    }
}
