package io.vigil.intake.webhook;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A webhook body as read: its top-level object as a tree, and the exact JSON text of each element
 * of its {@code alerts} array, which the journal keeps as the event's raw text.
 *
 * @param alertTexts in array order; empty when {@code alerts} is missing or not an array
 */
record WebhookBody(ObjectNode payload, List<String> alertTexts) {
}
