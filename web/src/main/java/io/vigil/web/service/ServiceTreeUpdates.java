package io.vigil.web.service;

import io.vigil.service.ServiceDefinitionException;
import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.service.ServiceTreeParser;
import io.vigil.session.CommandResult;
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

    /** Completes once the new tree is committed. */
    CompletableFuture<CommandResult> replace(ServiceTreeDefinition definition, String actor) {
        return commands.execute(new EngineCommand.ReplaceServiceTree(definition, ServiceTreeExporter.toYaml(definition), actor),
                "the service tree");
    }
}
