package io.vigil.config;

import java.io.Serial;
import java.util.List;

/** A configuration document that cannot be used, with every problem found (not just the first). */
public class DocumentException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public DocumentException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Lowercase messages that quote the bad key or value and name its place, in document order. */
    public List<String> errors() {
        return errors;
    }
}
