package io.vigil.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class InitialAdminPasswordTest {

    @TempDir
    Path home;

    @Test
    void shouldWriteThePasswordReadableByTheOwnerOnlyCreatingTheFolder() throws Exception {
        InitialAdminPassword file = new InitialAdminPassword(home.resolve("data"));

        file.write("generated-secret-123");

        Path written = home.resolve("data/initial-admin-password");
        assertThat(file.path()).isEqualTo(written);
        assertThat(Files.readString(written)).isEqualTo("generated-secret-123\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
    }

    @Test
    void shouldReplaceAnOlderFileWithOneOnlyTheOwnerCanRead() throws Exception {
        Path old = Files.writeString(home.resolve("initial-admin-password"), "old-password");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        new InitialAdminPassword(home).write("new-password-456");

        assertThat(Files.readString(old)).isEqualTo("new-password-456\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }

    @Test
    void shouldDeleteTheFileAndAcceptThatThereIsNone() throws Exception {
        InitialAdminPassword file = new InitialAdminPassword(home);
        file.write("generated-secret-123");

        file.delete();
        file.delete();

        assertThat(home.resolve("initial-admin-password")).doesNotExist();
    }
}
