package io.vigil.intake.syslog;

import java.time.Instant;
import java.util.Map;

/**
 * A syslog message split into its parts, before it becomes an event. Each part is null where the
 * message had none (or the RFC 5424 nil value "-").
 *
 * @param structuredData RFC 5424 parameters as "SD-ID.PARAM-NAME" → value, in order
 */
record SyslogMessage(int priority, Instant timestamp, String hostname, String appName, String procId,
                     String msgId, Map<String, String> structuredData, String message) {
}
