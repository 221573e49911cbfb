package io.vigil.web.element;

import io.vigil.store.ElementStatusQueries;
import io.vigil.store.ElementStatusRow;
import io.vigil.web.system.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The latest status of every element (resource/check), by resource then check. */
@RestController
class ElementController {

    private final ElementStatusQueries elements;

    ElementController(ElementStatusQueries elements) {
        this.elements = elements;
    }

    record Elements(List<ElementStatusRow> elements) {
    }

    @GetMapping("/api/v1/elements")
    Elements list(@RequestParam(defaultValue = "1000") int limit) {
        return new Elements(elements.list(RequestParams.limit(limit)));
    }
}
