package io.vigil.session;

import java.util.Optional;
import java.util.SortedMap;

/** The stored rule-set versions as recovery needs them: a version's files, and what was active before it. */
public interface RuleSetHistory {

    /** Nothing stored: snapshots are restored into the active rule set, and a runaway has nothing to go back to. */
    RuleSetHistory NONE = new RuleSetHistory() {
        @Override
        public Optional<SortedMap<String, String>> sources(String version) {
            return Optional.empty();
        }

        @Override
        public Optional<String> versionBefore(String version) {
            return Optional.empty();
        }
    };

    /** A stored version's files, path to source. */
    Optional<SortedMap<String, String>> sources(String version);

    /** The version that was active before {@code version} became active the last time. */
    Optional<String> versionBefore(String version);
}
