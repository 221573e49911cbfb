package io.vigil.alert;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** An alert whose status changes {@code changes} times within {@code within} is flapping until stable for {@code quietFor}. */
public record FlappingSettings(int changes, Duration within, Duration quietFor) implements Serializable {

    public static final FlappingSettings DEFAULT = new FlappingSettings(5, Duration.ofMinutes(10), Duration.ofMinutes(10));

    public FlappingSettings {
        if (changes < 2) {
            throw new IllegalArgumentException("changes " + changes + " must be at least 2");
        }
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(quietFor, "quietFor");
    }
}
