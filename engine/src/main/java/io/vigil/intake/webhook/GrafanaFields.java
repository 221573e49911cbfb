package io.vigil.intake.webhook;

import java.util.HashMap;
import java.util.Map;

/**
 * What Grafana unified alerting adds to Alertmanager's payload (version "1"): the organisation, a
 * rendered title, state and message, and per alert links into Grafana and the values of the rule's
 * queries. The links and values are kept; title and message are checked only, as they repeat what
 * the alerts say.
 */
final class GrafanaFields implements ExtraFields {

    static final String VALUE_PREFIX = "value.";

    @Override
    public Map<String, String> payloadAttributes(ObjectFields payload) {
        Long orgId = payload.wholeNumber("orgId", true, Long.MIN_VALUE);
        payload.optionalString("title");
        payload.oneOf("state", false, "alerting", "ok");
        payload.optionalString("message");
        return orgId == null ? Map.of() : Map.of("orgId", orgId.toString());
    }

    @Override
    public Map<String, String> alertAttributes(ObjectFields alert) {
        Map<String, String> kept = new HashMap<>();
        for (String name : new String[] {"silenceURL", "dashboardURL", "panelURL", "valueString"}) {
            String value = alert.optionalString(name);
            if (value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        }
        alert.numbers("values").forEach((ref, value) -> kept.put(VALUE_PREFIX + ref, value));
        return kept;
    }
}
