package io.vigil.intake.webhook;

import java.util.Map;

/** The fields a sender adds to Alertmanager's payload shape, checked and partly kept as attributes. */
interface ExtraFields {

    /** Alertmanager's own payload: nothing beyond the shape every sender shares. */
    ExtraFields NONE = new ExtraFields() {
        @Override
        public Map<String, String> payloadAttributes(ObjectFields payload) {
            return Map.of();
        }

        @Override
        public Map<String, String> alertAttributes(ObjectFields alert) {
            return Map.of();
        }
    };

    /** Checks the payload fields this sender adds; returns those kept as attributes of each event. */
    Map<String, String> payloadAttributes(ObjectFields payload);

    /** Checks the alert fields this sender adds; returns those kept as attributes of the alert's event. */
    Map<String, String> alertAttributes(ObjectFields alert);
}
