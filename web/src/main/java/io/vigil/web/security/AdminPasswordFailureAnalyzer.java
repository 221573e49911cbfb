package io.vigil.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused VIGIL_ADMIN_PASSWORD into Spring Boot's short "APPLICATION FAILED TO START"
 * report: the rule on one line and what to do, instead of a stack trace.
 */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordRefusedException> {

    static final String ACTION = "Set VIGIL_ADMIN_PASSWORD to a password of at least " + PasswordPolicy.MIN_LENGTH
            + " characters that passes this rule (a few unrelated words make a good one), or leave it unset to have"
            + " a password generated.";

    @Override
    protected FailureAnalysis analyze(Throwable root, AdminPasswordRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
