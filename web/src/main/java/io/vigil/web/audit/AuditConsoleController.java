package io.vigil.web.audit;

import io.vigil.audit.AuditAnchor;
import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringFilter;
import io.vigil.audit.FiringRow;
import io.vigil.web.system.RequestParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's audit pages: firings (filter by rule, version, event, or the incident behind them;
 * exported as CSV through /console/audit/firings.csv), one firing with its facts, the chain check
 * and the latest anchors. What a firing did is shown readably ({@link OutcomeLines}), times in the reader's zone.
 */
@Controller
class AuditConsoleController {

    static final String LIST_VIEW = "audit/firings";
    static final String VERIFY_FRAGMENT = "audit/firings :: verify";
    static final String DETAIL_VIEW = "audit/firing";
    static final int PAGE_SIZE = 200;

    private final AuditTrail trail;

    AuditConsoleController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Firings by rule, rule-set version, event or the incident behind them; the same search as CSV. */
    @GetMapping("/console/audit")
    String firings(@RequestParam(required = false) String rule, @RequestParam(required = false) String version,
                   @RequestParam(required = false) Long event, @RequestParam(required = false) Long incident, Model model) {
        String ruleOrNull = RequestParams.given(rule);
        String versionOrNull = RequestParams.given(version);
        List<FiringRow> firings = incident != null ? trail.ofIncident(incident)
                : trail.query(new FiringFilter(ruleOrNull, versionOrNull, null, null, event, null), PAGE_SIZE);
        model.addAttribute("rule", ruleOrNull);
        model.addAttribute("version", versionOrNull);
        model.addAttribute("event", event);
        model.addAttribute("incident", incident);
        model.addAttribute("anchors", trail.anchors().stream().limit(5).toList());
        model.addAttribute("firings", firings);
        model.addAttribute("outcomes", firings.stream()
                .collect(Collectors.toMap(FiringRow::id, f -> OutcomeLines.of(f.outcome()))));
        return LIST_VIEW;
    }

    @GetMapping("/console/audit/verify")
    String verify(Model model) {
        List<AuditAnchor> anchors = trail.anchors();
        model.addAttribute("verification", AuditController.Verification.of(trail.verify(anchors), anchors.size()));
        return VERIFY_FRAGMENT;
    }

    @GetMapping("/console/audit/firings/{id}")
    String firing(@PathVariable long id, Model model) {
        FiringRow firing = trail.byId(id).orElseThrow(() -> RequestParams.notFound("firing", id));
        model.addAttribute("firing", firing);
        model.addAttribute("outcome", OutcomeLines.of(firing.outcome()));
        return DETAIL_VIEW;
    }
}
