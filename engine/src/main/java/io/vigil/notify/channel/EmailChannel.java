package io.vigil.notify.channel;

import io.vigil.notify.ChannelType;
import io.vigil.notify.DeliveryException;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationChannel;
import io.vigil.notify.NotificationText;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends a notification as one e-mail to its address: multipart/alternative with a plain-text and
 * an HTML body ({@link NotificationText}). Spring's {@link JavaMailSenderImpl} holds the mail
 * session built from {@link MailSettings} and composes the message; the SMTP conversation itself is
 * run here (connect, send, close) rather than by {@code JavaMailSenderImpl.send}, because only the
 * open transport knows the server's answer to the message ("250 2.0.0 Ok: queued as …"), which
 * the attempt log shows, and Spring closes it before returning.
 *
 * <p>Each message carries {@code X-Vigil-Notification: <id>}, so a duplicate after a crash between
 * sending and marking (see {@link io.vigil.notify.NotificationDispatcher}) can be recognised.
 */
public final class EmailChannel implements NotificationChannel {

    private final MailSettings settings;
    private final NotificationText text;
    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    public EmailChannel(MailSettings settings, NotificationText text) {
        this.settings = settings;
        this.text = text;
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setUsername(settings.username());
        sender.setPassword(settings.password());
        sender.setDefaultEncoding("UTF-8");
        sender.setJavaMailProperties(properties(settings));
    }

    private static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls() != MailSettings.StartTls.OFF));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls() == MailSettings.StartTls.REQUIRED));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        return properties;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public String send(Notification notification) throws DeliveryException {
        MimeMessage message;
        try {
            message = compose(notification);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot make the e-mail to \"" + notification.address() + "\": " + reason(e), e);
        }
        try {
            Transport transport = sender.getSession().getTransport("smtp");
            try {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
                return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "accepted";
            } finally {
                closeQuietly(transport);
            }
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP server " + server() + " refused the login as " + settings.username() + ": "
                    + reason(e), e);
        } catch (SendFailedException e) {
            throw new DeliveryException("SMTP server " + server() + " refused the e-mail to " + notification.address() + ": "
                    + reason(e), e);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot send through SMTP server " + server() + ": " + reason(e), e);
        }
    }

    private MimeMessage compose(Notification notification) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_NO, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(notification.address());
        helper.setSubject(text.subject(notification));
        helper.setSentDate(new Date());
        message.setContent(alternative(notification));
        message.setHeader("X-Vigil-Notification", Long.toString(notification.id()));
        message.saveChanges();
        return message;
    }

    /** multipart/alternative: plain text first, HTML last (the last part a reader can show is preferred). */
    private MimeMultipart alternative(Notification notification) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text.plain(notification), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(text.html(notification), "UTF-8", "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        return alternative;
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }

    /** Every distinct message down the cause chain, e.g. "Couldn't connect to host…: Connection refused". */
    static String reason(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = error; cause != null && parts.size() < 5; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
            if (parts.stream().noneMatch(part -> part.contains(message))) {
                parts.add(message);
            }
        }
        return String.join(": ", parts);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was accepted (or its failure is being reported); a failed QUIT changes neither
        }
    }
}
