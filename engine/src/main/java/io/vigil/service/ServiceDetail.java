package io.vigil.service;

import java.util.List;

/** A service with its elements, for the service page and the map. */
public record ServiceDetail(ServiceSummary service, List<ElementView> elements) {

    public ServiceDetail {
        elements = List.copyOf(elements);
    }
}
