package io.vigil.web.alert;

import io.vigil.store.AlertFilter;
import io.vigil.store.AlertOrder;
import io.vigil.web.system.RequestParams;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The console's alert list as its URL says it — filters, order, where the page starts — so that
 * every view of the list is a link to share, and a form posted from it leads back to it. The
 * filters are the API's ({@code state} comma-separated or repeated, {@code status}, {@code kind},
 * {@code q}); {@code sort} is one of {@link AlertOrder} in lower case, latest seen first by
 * default; {@code before} the id of the last alert of the previous page.
 */
record AlertListQuery(String state, String status, String kind, String q, AlertOrder order, Long before) {

    static final AlertOrder DEFAULT_ORDER = AlertOrder.LAST_SEEN;
    static final String PATH = "/console/alerts";

    private static final List<String> ORDERS = Arrays.stream(AlertOrder.values()).map(Enum::name).toList();

    /** Checks every parameter, answering 400 with the parameter and value for a bad one. */
    static AlertListQuery of(List<String> state, String status, String kind, String q, String sort, Long before) {
        String states = state == null ? null : String.join(",", state.stream().filter(s -> !s.isBlank()).toList());
        String order = RequestParams.oneOf("sort", sort, ORDERS);
        AlertListQuery query = new AlertListQuery(RequestParams.given(states), RequestParams.given(status),
                RequestParams.given(kind), RequestParams.given(q), order == null ? DEFAULT_ORDER : AlertOrder.valueOf(order),
                before);
        query.filter();
        return query;
    }

    AlertFilter filter() {
        return AlertController.filter(state, status, kind, q);
    }

    /** The value of {@code sort} in links and forms. */
    String sort() {
        return order.name().toLowerCase(Locale.ROOT);
    }

    /** The same list from its first page. */
    String firstPage() {
        return page(null);
    }

    /** This page again, e.g. after an action. */
    String thisPage() {
        return page(before);
    }

    /** The page after alert {@code lastId}. */
    String pageAfter(long lastId) {
        return page(lastId);
    }

    /** The live stream of the alerts this list shows, for a page that saw the feed at {@code seen}. */
    String stream(long seen) {
        return AlertLinks.filtered(PATH + "/stream", state, status, kind, q).queryParam("seen", seen)
                .encode().build().toUriString();
    }

    private String page(Long beforeOrNull) {
        UriComponentsBuilder url = AlertLinks.filtered(PATH, state, status, kind, q);
        if (order != DEFAULT_ORDER) {
            url.queryParam("sort", sort());
        }
        if (beforeOrNull != null) {
            url.queryParam("before", beforeOrNull);
        }
        return url.encode().build().toUriString();
    }
}
