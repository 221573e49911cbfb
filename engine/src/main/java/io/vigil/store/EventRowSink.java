package io.vigil.store;

import java.io.IOException;

/** Takes the rows of an export one by one; an IOException (the client went away) stops the export. */
@FunctionalInterface
public interface EventRowSink {

    void accept(EventRow row) throws IOException;
}
