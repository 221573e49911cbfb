package io.vigil.web.alert;

import org.springframework.web.util.UriComponentsBuilder;

/** Links between pages of alerts that keep the filters. */
final class AlertLinks {

    private AlertLinks() {
    }

    /** The API URL of the page after the one ending with {@code lastId}, with the same filters. */
    static String nextPage(String state, String status, String kind, String q, int limit, long lastId) {
        return filtered("/api/v1/alerts", state, status, kind, q).queryParam("limit", limit).queryParam("before", lastId)
                .encode().build().toUriString();
    }

    /** {@code path} with the filters that are given (not blank) as query parameters. */
    static UriComponentsBuilder filtered(String path, String state, String status, String kind, String q) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        add(url, "state", state);
        add(url, "status", status);
        add(url, "kind", kind);
        add(url, "q", q);
        return url;
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value);
        }
    }
}
