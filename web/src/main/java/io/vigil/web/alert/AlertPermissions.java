package io.vigil.web.alert;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * What the alert pages offer a person, asked of the security rules themselves (the access table
 * behind every request) rather than decided again here: the buttons only to whoever may post
 * them, a link to a rule firing only to whoever may open it.
 */
@Component
class AlertPermissions {

    private final WebInvocationPrivilegeEvaluator privileges;

    AlertPermissions(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    /** Whether {@code who} may act on alerts from the console (acknowledge, shelve, ...). */
    boolean mayAct(Authentication who) {
        return privileges.isAllowed(null, AlertListQuery.PATH + "/acknowledge", "POST", who);
    }

    /** Whether {@code who} may open a rule firing's page. */
    boolean mayReadFirings(Authentication who) {
        return privileges.isAllowed(null, "/console/audit/firings/1", "GET", who);
    }
}
