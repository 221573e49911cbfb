import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for a mail server and a webhook receiver, to watch Vigil's notifications arrive
 * without setting up either. Run it with Java 17 alone (no build):
 *
 * <pre>java samples/notify-sink/NotificationSink.java [smtpPort=2525] [httpPort=9099] [secret=change-me]</pre>
 *
 * It takes every e-mail on 127.0.0.1:smtpPort (point Vigil at it with VIGIL_MAIL_PORT) and every POST
 * on http://127.0.0.1:httpPort/ (the webhook channel's URL), and prints one line each: the
 * recipients and subject of a mail; the subject of a webhook call and whether its X-Vigil-Signature
 * verifies with the secret. Stop it with Ctrl-C. Not a real mail server: it keeps nothing.
 */
public final class NotificationSink {

    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws IOException {
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 9099;
        String secret = args.length > 2 ? args[2] : "change-me";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        startWebhookReceiver(httpPort, secret, out);
        out.println("sink: mail on 127.0.0.1:" + smtpPort + ", webhooks on http://127.0.0.1:" + httpPort + "/");
        try (ServerSocket smtp = new ServerSocket(smtpPort, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = smtp.accept();
                new Thread(() -> receiveMail(client, out), "smtp-client").start();
            }
        }
    }

    private static void startWebhookReceiver(int port, String secret, PrintStream out) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Vigil-Signature");
            String verdict = signature == null ? "unsigned"
                    : signatureOf(secret, timestamp, body).equals(signature) ? "signature valid" : "SIGNATURE INVALID";
            Matcher subject = SUBJECT.matcher(new String(body, StandardCharsets.UTF_8));
            out.println("WEBHOOK " + exchange.getRequestURI() + " notification "
                    + exchange.getRequestHeaders().getFirst("X-Vigil-Notification") + ": "
                    + (subject.find() ? subject.group(1) : "(no subject)") + " (" + verdict + ")");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    /** The webhook channel's scheme: sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>". */
    private static String signatureOf(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough SMTP for one client: greet, accept every command, take the message, say goodbye. */
    private static void receiveMail(Socket client, PrintStream out) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream answer = client.getOutputStream()) {
            reply(answer, "220 notification-sink ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(answer, "250 notification-sink");
                    case "RCPT" -> {
                        recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                        reply(answer, "250 OK");
                    }
                    case "DATA" -> {
                        reply(answer, "354 end with <CRLF>.<CRLF>");
                        String subject = "(no subject)";
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            if (data.regionMatches(true, 0, "Subject: ", 0, 9)) {
                                subject = data.substring(9);
                            }
                        }
                        out.println("MAIL to " + String.join(", ", recipients) + ": " + subject);
                        recipients.clear();
                        reply(answer, "250 OK: queued nowhere");
                    }
                    case "QUIT" -> {
                        reply(answer, "221 bye");
                        return;
                    }
                    default -> reply(answer, "250 OK");
                }
            }
        } catch (IOException e) {
            out.println("sink: a mail client went away: " + e.getMessage());
        }
    }

    private static void reply(OutputStream answer, String text) throws IOException {
        answer.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        answer.flush();
    }
}
