package io.vigil.notify;

/** A delivery attempt failed; the message says why in words fit for the attempt log. */
public class DeliveryException extends Exception {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
