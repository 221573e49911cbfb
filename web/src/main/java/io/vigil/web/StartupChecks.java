package io.vigil.web;

import io.vigil.store.embedded.EmbeddedMariaDb;
import io.vigil.web.system.VigilProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What would make the server fail only after a long start, checked as soon as its settings are
 * known (before the banner, the context, or the database): the embedded database's data
 * directory run by another Vigil, and a port another program listens on. A refusal ends the run
 * at once with one line ({@link Refused}); {@code main} prints it and exits with 1.
 */
final class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Ends the run silently (Spring logs nothing for it); its message is the line to print. */
    static final class Refused extends SpringApplication.AbandonedRunException {

        private final String reason;

        Refused(String reason) {
            this.reason = reason;
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Optional<String> problem = problem(event.getEnvironment());
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
    }

    /** The first reason the server cannot start with these settings, if any. */
    static Optional<String> problem(Environment environment) {
        Binder binder = Binder.get(environment);
        VigilProperties.Db db = binder.bindOrCreate("vigil.db", VigilProperties.Db.class);
        if (db.embedded()) {
            OptionalLong owner = EmbeddedMariaDb.ownerOf(db.embeddedDir());
            if (owner.isPresent()) {
                return Optional.of("the data directory " + db.embeddedDir() + " is in use by another Vigil (pid "
                        + owner.getAsLong() + "); stop it or set VIGIL_DB_EMBEDDED_DIR");
            }
        }
        String address = environment.getProperty("server.address");
        VigilProperties.Syslog syslog = binder.bindOrCreate("vigil.syslog", VigilProperties.Syslog.class);
        return tcpPortTaken(address, environment.getProperty("server.port", Integer.class, 8080), "HTTP port", "PORT")
                .or(() -> udpPortTaken(syslog.bindAddress(), syslog.udpPort()))
                .or(() -> tcpPortTaken(syslog.bindAddress(), syslog.tcpPort(), "syslog TCP port", "VIGIL_SYSLOG_TCPPORT"))
                .or(() -> tcpPortTaken(syslog.bindAddress(), syslog.tlsPort(), "syslog TLS port", "VIGIL_SYSLOG_TLSPORT"))
                .or(() -> tcpPortTaken(syslog.bindAddress(), syslog.relpPort(), "RELP port", "VIGIL_SYSLOG_RELPPORT"));
    }

    private static Optional<String> tcpPortTaken(String address, int port, String what, String variable) {
        if (port <= 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(taken(what, port, variable));
        }
    }

    private static Optional<String> udpPortTaken(String address, int port) {
        if (port <= 0) {
            return Optional.empty();
        }
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(address, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(taken("syslog UDP port", port, "VIGIL_SYSLOG_UDPPORT"));
        }
    }

    private static String taken(String what, int port, String variable) {
        return "the " + what + " " + port + " is in use by another program; stop it or set " + variable + " to another port"
                + (variable.equals("PORT") ? "" : " (-1 turns the listener off)");
    }
}
