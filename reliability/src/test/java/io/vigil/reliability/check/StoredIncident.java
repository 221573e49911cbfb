package io.vigil.reliability.check;

/** An incident row as stored. */
public record StoredIncident(long id, String state, int escalationLevel, long processInstanceId) {
}
