package io.vigil.web.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.web.system.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The audit trail (AUDITOR): which rule fired, when, on what; and whether the hash chain is intact. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record Firings(List<FiringRow> firings) {
    }

    /** A firing with links back to the events it matched (and from there to their raw text). */
    record FiringView(FiringRow firing, List<String> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(boolean ok, long rows, Long brokenAt, String reason) {

        static Verification of(VerifyResult result) {
            return new Verification(result.ok(), result.rows(), result.brokenId(), result.reason());
        }
    }

    @GetMapping("/firings")
    Firings firings(@RequestParam(required = false) String rule, @RequestParam(required = false) String since,
                    @RequestParam(defaultValue = "100") int limit) {
        String ruleOrNull = rule == null || rule.isBlank() ? null : rule;
        return new Firings(trail.query(ruleOrNull, RequestParams.instant("since", since), RequestParams.limit(limit)));
    }

    @GetMapping("/firings/{id}")
    FiringView firing(@PathVariable long id) {
        FiringRow firing = trail.byId(id).orElseThrow(() -> RequestParams.notFound("firing", id));
        return new FiringView(firing, firing.eventIds().stream().map(e -> "/api/v1/events/" + e).toList());
    }

    @GetMapping("/verify")
    Verification verify() {
        return Verification.of(trail.verify());
    }
}
