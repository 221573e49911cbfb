package io.vigil.notify.policy;

/** What a level's {@code notify} entry names; {@link #prefix()} is how it is written before the name. */
public enum TargetKind {
    USER("user"), SCHEDULE("schedule"), CHANNEL("channel");

    private final String prefix;

    TargetKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The kind written as {@code prefix}, or null. */
    static TargetKind of(String prefix) {
        for (TargetKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
