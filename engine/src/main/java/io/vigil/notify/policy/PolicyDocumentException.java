package io.vigil.notify.policy;

import io.vigil.config.DocumentException;

import java.io.Serial;
import java.util.List;

/**
 * A policy document that cannot be used; each problem names its place by path, e.g.
 * {@code policies[0].levels[1].notify[0]: unknown schedule "primray"}.
 */
public final class PolicyDocumentException extends DocumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    public PolicyDocumentException(List<String> errors) {
        super(errors);
    }
}
