package io.vigil.notify;

/**
 * One way of delivering a {@link Notification}: one implementation per {@link ChannelType}, each in
 * its own class, so a new channel is one new class. Called by the dispatcher, off the engine
 * thread; an implementation may block for the length of one delivery attempt.
 */
public interface NotificationChannel {

    ChannelType type();

    /**
     * Delivers the notification once.
     *
     * @return what the other side answered, for the attempt log (e.g. "HTTP 200", "250 OK")
     * @throws DeliveryException when it was not delivered; the dispatcher retries later
     */
    String send(Notification notification) throws DeliveryException;
}
