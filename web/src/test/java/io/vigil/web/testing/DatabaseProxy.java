package io.vigil.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the server under test and its MariaDB, so a test can take the database away
 * without touching the real server: {@link #down()} closes every connection and stops listening
 * (a database that is down: nothing listens), {@link #freeze()} keeps connections open but passes
 * no byte on (a database stopped with SIGSTOP), {@link #restore()} relays again on the same port.
 */
public final class DatabaseProxy implements AutoCloseable {

    private final String upstreamHost;
    private final int upstreamPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    /** A relay to the host and port of {@code jdbcUrl} (jdbc:mariadb://host:port/database). */
    public DatabaseProxy(String jdbcUrl) {
        URI upstream = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** {@code jdbcUrl} with its host and port replaced by this relay's. */
    public String relayed(String jdbcUrl) {
        return jdbcUrl.replace("//" + upstreamHost + ":" + upstreamPort + "/", "//127.0.0.1:" + port + "/");
    }

    public synchronized void down() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    public void freeze() {
        frozen = true;
    }

    public synchronized void restore() {
        frozen = false;
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() throws IOException {
        frozen = false;
        down();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        daemon("proxy-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                daemon("proxy-up", () -> relay(client.getInputStream(), upstream.getOutputStream()));
                daemon("proxy-down", () -> relay(upstream.getInputStream(), client.getOutputStream()));
            }
        });
    }

    private void relay(InputStream from, OutputStream to) throws IOException, InterruptedException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            while (frozen) {
                Thread.sleep(10);
            }
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    @FunctionalInterface
    private interface Loop {
        void run() throws IOException, InterruptedException;
    }

    private static void daemon(String name, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException | InterruptedException closed) {
                // the relay was taken down or the peer went away
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
