package io.vigil.web.incident;

import io.vigil.model.Status;
import io.vigil.store.IncidentQueries;
import io.vigil.web.system.RequestParams;

import java.util.Arrays;
import java.util.List;

/** The incident list's filters as query parameters, checked the same way for the API and the console. */
final class IncidentFilters {

    static final List<String> STATUSES = Arrays.stream(Status.values()).map(Status::name).toList();

    private IncidentFilters() {
    }

    /** OPEN, ACKNOWLEDGED, RESOLVED or UNRESOLVED, or null for any. */
    static String state(String value) {
        return RequestParams.oneOf("state", value, IncidentQueries.STATE_FILTERS);
    }

    /** The status the incident's element or service has now, or null for any. */
    static Status currentStatus(String value) {
        String status = RequestParams.oneOf("currentStatus", value, STATUSES);
        return status == null ? null : Status.valueOf(status);
    }
}
