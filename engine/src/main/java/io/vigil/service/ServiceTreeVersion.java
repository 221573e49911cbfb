package io.vigil.service;

import io.vigil.config.DocumentVersion;

/** A service tree's version: SHA-256 (hex) of its canonical document, so the same tree always has the same version. */
public final class ServiceTreeVersion {

    private ServiceTreeVersion() {
    }

    public static String of(String document) {
        return DocumentVersion.of(document);
    }
}
