package io.vigil.intake.webhook;

import java.util.Map;

/**
 * What sets one sender's webhook payload apart from the Alertmanager shape all of them share: its
 * name, its version, and the fields it adds to the payload and to each alert.
 */
interface WebhookFormat {

    /** Recorded as every event's transport, and its source when the alert names no location. */
    String transport();

    /** The only {@code version} accepted. */
    String version();

    /** Checks the payload fields this format adds; returns those kept as attributes of each event. */
    Map<String, String> payloadAttributes(ObjectFields payload);

    /** Checks the alert fields this format adds; returns those kept as attributes of the alert's event. */
    Map<String, String> alertAttributes(ObjectFields alert);
}
