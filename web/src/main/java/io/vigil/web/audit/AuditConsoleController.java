package io.vigil.web.audit;

import io.vigil.audit.AuditAnchor;
import io.vigil.audit.AuditTrail;
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
 * The console's audit pages: firings (filter by rule), one firing with its facts, and the chain
 * check. What a firing did is shown readably ({@link OutcomeLines}), times in the reader's zone.
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

    @GetMapping("/console/audit")
    String firings(@RequestParam(required = false) String rule, Model model) {
        String ruleOrNull = rule == null || rule.isBlank() ? null : rule.trim();
        List<FiringRow> firings = trail.query(ruleOrNull, null, PAGE_SIZE);
        model.addAttribute("rule", ruleOrNull);
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
