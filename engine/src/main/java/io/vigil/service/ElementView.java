package io.vigil.service;

import io.vigil.model.Status;

/**
 * One element of a service as the detail view shows it.
 *
 * @param weights  the weights it counts with (null in simple mode)
 * @param critical the simple-mode flag (null in the other modes)
 * @param status   its current status; null while nothing has been heard of it
 */
public record ElementView(ElementType type, String name, Weights weights, Boolean critical, Status status) {
}
