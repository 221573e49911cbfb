package io.vigil.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "frozen" database: it accepts connections and never sends a byte, like a MariaDB stopped with
 * SIGSTOP. Used to check that lookups give up within their bounds instead of hanging.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentServer() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(listener.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A MariaDB JDBC URL to a port on this machine where nothing listens: a database that is down. */
    public static String deadJdbcUrl() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "jdbc:mariadb://127.0.0.1:" + probe.getLocalPort() + "/vigil";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A MariaDB JDBC URL pointing here. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + listener.getLocalPort() + "/vigil";
    }

    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
