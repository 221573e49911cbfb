package io.vigil.notify.policy;

import java.io.Serializable;
import java.util.Objects;

/** One entry of a level's {@code notify}: a user, a schedule or a channel by name, written {@code schedule:primary}. */
public record TargetRef(TargetKind kind, String name) implements Serializable {

    public TargetRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + name;
    }
}
