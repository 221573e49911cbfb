package io.vigil.web.security;

import io.vigil.web.system.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The generated first password of {@code admin}, also kept in a file, like Jenkins'
 * initialAdminPassword: a newcomer who missed the log block, or a script, can read it
 * ({@code PASS=$(cat data/initial-admin-password)}). Only the owner may read the file: it is
 * created with mode 600 (a POSIX file system, as everywhere the embedded MariaDB runs). It is
 * deleted once admin's password has been changed, when it no longer opens anything.
 */
@Component
class InitialAdminPassword {

    static final String FILE_NAME = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(InitialAdminPassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path file;

    @Autowired
    InitialAdminPassword(VigilProperties properties) {
        this(properties.admin().initialPasswordDir());
    }

    InitialAdminPassword(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /**
     * Writes {@code password} to a new file that only the owner can read or write.
     *
     * @throws IOException also UnsupportedOperationException on a file system without POSIX permissions
     */
    void write(String password) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    /** Deletes the file, if there is one: the password it holds has been replaced. */
    void delete() {
        try {
            if (Files.deleteIfExists(file)) {
                log.info("deleted {}: admin's first password has been changed", file);
            }
        } catch (IOException e) {
            log.warn("cannot delete {} (it holds admin's replaced first password): {}", file, e.toString());
        }
    }
}
