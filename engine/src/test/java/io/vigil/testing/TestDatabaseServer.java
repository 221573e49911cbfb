package io.vigil.testing;

import io.vigil.store.embedded.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MariaDB server tests create their databases on: the one on 127.0.0.1:3306 when it answers,
 * else one embedded server per JVM (also chosen with {@code -Dvigil.test.db=embedded}, to try
 * what a machine without MariaDB does).
 */
record TestDatabaseServer(String serverUrl, String user, String password) {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseServer.class);
    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 3306;

    static TestDatabaseServer get() {
        return Holder.SERVER;
    }

    /** Resolved on first use, once per JVM. */
    private static final class Holder {
        static final TestDatabaseServer SERVER = choose();
    }

    private static TestDatabaseServer choose() {
        boolean forceEmbedded = "embedded".equals(System.getProperty("vigil.test.db"));
        if (!forceEmbedded && answers(LOCAL_HOST, LOCAL_PORT)) {
            return new TestDatabaseServer("jdbc:mariadb://" + LOCAL_HOST + ":" + LOCAL_PORT + "/", "root", "");
        }
        log.info("no mariadb on {}:{} (or embedded requested): starting an embedded one for this JVM", LOCAL_HOST, LOCAL_PORT);
        return startEmbedded();
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static TestDatabaseServer startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("vigil-test-mariadb");
            EmbeddedMariaDb db = EmbeddedMariaDb.start(directory, 0, "vigil_test_server");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                deleteTree(directory);
            }, "vigil-test-mariadb-stop"));
            return new TestDatabaseServer(db.serverUrl(), db.user(), db.password());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the embedded test mariadb", e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", directory, e.toString());
        }
    }
}
