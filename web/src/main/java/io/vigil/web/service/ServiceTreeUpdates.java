package io.vigil.web.service;

import io.vigil.service.ServiceDefinitionException;
import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.service.ServiceTreeParser;
import io.vigil.service.ServiceTreeVersion;
import io.vigil.session.EngineCommand;
import io.vigil.web.system.EngineCommands;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * Replaces the whole service tree: validates the text completely here (strict parse, then the
 * graph checks a live tree makes: duplicates, undefined sub-services, cycles), so a refused tree
 * never reaches the engine; the engine then swaps it in and stores it in one commit.
 */
@Component
class ServiceTreeUpdates {

    private final EngineCommands commands;

    ServiceTreeUpdates(EngineCommands commands) {
        this.commands = commands;
    }

    /**
     * @throws ServiceDefinitionException with every problem found, when the text is no usable tree
     */
    static ServiceTreeDefinition validate(String text) {
        ServiceTreeDefinition definition = ServiceTreeParser.parse(text == null ? "" : text);
        new ServiceTree(definition);
        return definition;
    }

    /** What a replace answers: the stored tree's size and version (SHA-256 of its canonical YAML). */
    record Replaced(int services, String version) {
    }

    /**
     * Completes once the new tree is committed. The answer is computed from the document sent, as
     * the engine stores it; reading the row back could see a later, concurrent replace.
     */
    CompletableFuture<Replaced> replace(ServiceTreeDefinition definition, String actor) {
        String document = ServiceTreeExporter.toYaml(definition);
        return commands.execute(new EngineCommand.ReplaceServiceTree(definition, document, actor), "the service tree")
                .thenApply(done -> new Replaced(definition.services().size(), ServiceTreeVersion.of(document)));
    }
}
