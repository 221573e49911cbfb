package io.vigil.web.notification;

import io.vigil.notify.NotificationState;
import io.vigil.store.NotificationFilter;
import io.vigil.web.system.RequestParams;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The notification log's filters as query parameters, checked the same way for the API and the console. */
final class NotificationFilters {

    static final List<String> STATES = Arrays.stream(NotificationState.values()).map(Enum::name).toList();

    private NotificationFilters() {
    }

    /**
     * @param recipient exactly, e.g. {@code user:alice} or {@code channel:ops-chat}; blank for any
     * @param state     PENDING or SENT, any case; blank for any
     */
    static NotificationFilter of(String recipient, Long incident, Long alert, String state) {
        String oneState = RequestParams.oneOf("state", state, STATES);
        return new NotificationFilter(RequestParams.given(recipient),
                positive("incident", incident), positive("alert", alert),
                oneState == null ? null : NotificationState.valueOf(oneState));
    }

    private static Long positive(String name, Long id) {
        if (id != null && id < 1) {
            throw RequestParams.badValue(name, id.toString(), "an id (a whole number from 1)");
        }
        return id;
    }

    /** {@code path} with the filters that are given as query parameters, for the link to the next page. */
    static UriComponentsBuilder link(String path, String recipient, Long incident, Long alert, String state) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("recipient", Optional.ofNullable(recipient).filter(r -> !r.isBlank()))
                .queryParamIfPresent("incident", Optional.ofNullable(incident))
                .queryParamIfPresent("alert", Optional.ofNullable(alert))
                .queryParamIfPresent("state", Optional.ofNullable(state).filter(s -> !s.isBlank()));
    }
}
