package io.vigil.web.service;

import io.vigil.service.ServiceDefinitionException;
import io.vigil.store.ServiceQueries;
import io.vigil.store.StoredServiceTree;
import io.vigil.web.security.ServiceAccess;
import io.vigil.web.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Services as code and as they stand: replace the whole tree (ADMIN; YAML or JSON, all or
 * nothing), export it, list the services someone may see, one service with its elements.
 */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final ServiceCatalog catalog;
    private final ServiceQueries store;
    private final ServiceTreeUpdates updates;
    private final JsonMapper json;

    ServiceController(ServiceCatalog catalog, ServiceQueries store, ServiceTreeUpdates updates, JsonMapper json) {
        this.catalog = catalog;
        this.store = store;
        this.updates = updates;
        this.json = json;
    }

    record Services(List<ServiceCatalog.ServiceRow> services) {
    }

    @PutMapping(consumes = {"application/yaml", "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON_VALUE})
    CompletableFuture<ServiceTreeUpdates.Replaced> replace(@RequestBody(required = false) String body, Authentication who) {
        return updates.replace(ServiceTreeUpdates.validate(body), who.getName());
    }

    /** The whole tree as code; ADMIN's only, since the document names the services of every group. */
    @GetMapping(params = "format")
    ResponseEntity<String> export(@RequestParam String format, Authentication who) {
        if (!ServiceAccess.of(who).all()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "exporting the service tree requires role ADMIN: it names the services of every group");
        }
        String document = store.tree().map(StoredServiceTree::document).orElse("services: []\n");
        if ("yaml".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(YAML).body(document);
        }
        if ("json".equalsIgnoreCase(format)) {
            Object tree = new Yaml().load(document);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(tree));
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "parameter \"format\" has the bad value \"" + format + "\": expected yaml or json");
    }

    @GetMapping
    Services list(Authentication who) {
        return new Services(catalog.list(ServiceAccess.of(who)));
    }

    @GetMapping("/{name}")
    ServiceCatalog.ServicePage byName(@PathVariable String name, Authentication who) {
        return catalog.page(name, ServiceAccess.of(who));
    }

    /** A refused tree: 400 with every problem, each as the parser words it; nothing changed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ServiceDefinitionException e, HttpServletRequest request) {
        return ProblemResponses.refusedDocument(HttpStatus.BAD_REQUEST, "the service tree", e.errors(), request);
    }
}
