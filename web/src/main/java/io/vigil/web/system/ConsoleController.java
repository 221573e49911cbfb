package io.vigil.web.system;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;

/**
 * The console's entry points: the login page, and "/" sending each user to the first page their
 * roles allow — the alert console, the operator's main screen, for everyone who reads alerts.
 */
@Controller
class ConsoleController {

    static final String LOGIN_VIEW = "system/login";
    static final String HOME_VIEW = "system/home";

    private static final Set<String> ALERT_READERS = Set.of("ROLE_OPERATOR", "ROLE_ANALYST", "ROLE_AUDITOR", "ROLE_ADMIN");

    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }

    @GetMapping("/")
    String home(Authentication who) {
        boolean readsAlerts = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ALERT_READERS::contains);
        return readsAlerts ? "redirect:/console/alerts" : HOME_VIEW;
    }
}
