package io.vigil.store.embedded;

import java.nio.file.Path;

/** The embedded server's data directory belongs to a server another live Java process (another Vigil) runs. */
public final class DataDirectoryInUseException extends IllegalStateException {

    private final Path directory;
    private final long ownerPid;

    public DataDirectoryInUseException(Path directory, long ownerPid) {
        super("the data directory " + directory + " is in use by another Vigil (pid " + ownerPid + ")");
        this.directory = directory;
        this.ownerPid = ownerPid;
    }

    /** As it was given to {@link EmbeddedMariaDb#start}. */
    public Path directory() {
        return directory;
    }

    public long ownerPid() {
        return ownerPid;
    }
}
