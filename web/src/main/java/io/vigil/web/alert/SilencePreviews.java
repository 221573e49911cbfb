package io.vigil.web.alert;

import io.vigil.alert.Matchers;
import io.vigil.alert.MatchTarget;
import io.vigil.store.AlertQueries;
import io.vigil.store.AlertRow;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The active alerts a silence's matchers select now, for the API's preview and the console's form:
 * matched here against what is stored of each alert, the way the engine matches them.
 */
@Component
class SilencePreviews {

    /** How many active alerts a preview looks at, newest first. */
    static final int PREVIEW_SCAN = 10_000;
    static final int PREVIEW_SHOWN = 100;

    private final AlertQueries alerts;

    SilencePreviews(AlertQueries alerts) {
        this.alerts = alerts;
    }

    /** @param matches how many of the active alerts looked at match; {@code alerts} the newest of them */
    record Preview(int matches, int scanned, List<AlertRow> alerts) {
    }

    Preview of(Matchers matchers) {
        List<AlertQueries.AlertMatchView> active = alerts.activeForMatching(PREVIEW_SCAN);
        List<AlertRow> matching = active.stream().filter(view -> matchers.matches(target(view))).map(
                AlertQueries.AlertMatchView::alert).toList();
        return new Preview(matching.size(), active.size(), matching.stream().limit(PREVIEW_SHOWN).toList());
    }

    /** What the engine's silence matchers see of an alert, from what is stored of it. */
    private static MatchTarget target(AlertQueries.AlertMatchView view) {
        AlertRow alert = view.alert();
        return MatchTarget.ofAlert(alert.source(), alert.resource(), alert.check(), alert.category(), alert.status(),
                MatchTarget.locationOf(view.attributes(), alert.source()), alert.service(), view.attributes());
    }
}
