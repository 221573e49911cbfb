package io.vigil.session;

import java.util.Locale;

/** Why a rule-set version became the active one; stored with each activation. */
public enum RuleSetActivation {
    /** The rules shipped with the server, stored as the first version on the first start. */
    IMPORT,
    /** A new release of the server shipped other rules, and the active version was the shipped one. */
    UPGRADE,
    /** A person deployed it. */
    DEPLOY,
    /** A person rolled back to the version active before. */
    ROLLBACK,
    /** The engine rolled back by itself: the rules of the version it left ran away in a batch. */
    AUTO_ROLLBACK;

    /** The stored word: {@code import}, {@code auto-rollback}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RuleSetActivation ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
