package io.vigil.web.policy;

import io.vigil.notify.policy.EscalationPolicy;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.PolicyDocumentException;
import io.vigil.service.DurationFormat;
import io.vigil.web.system.ConsoleRefusals;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The console's escalation page: each policy with its levels and targets, each schedule with who
 * is on call now and the next hand-offs, and for ADMIN the document itself with a form to paste a
 * new one (refused with every problem listed, the text kept for fixing).
 */
@Controller
class PolicyConsoleController {

    static final String VIEW = "policies/page";

    private final PolicyDocuments documents;
    private final Clock clock;

    PolicyConsoleController(PolicyDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/console/policies")
    String page(Model model) {
        return show(model, null, List.of());
    }

    @PostMapping("/console/policies")
    String replace(@RequestParam(required = false) String document, Authentication who, Model model, RedirectAttributes flash) {
        PolicyDocument parsed;
        try {
            parsed = PolicyDocuments.validate(document);
        } catch (PolicyDocumentException e) {
            return show(model, document, e.errors());
        }
        try {
            PolicyDocuments.Replaced done = documents.replace(parsed, who.getName()).join();
            flash.addFlashAttribute("message", "The policy document is in force: version " + done.version().substring(0, 12)
                    + ", " + done.policies() + " policies, " + done.schedules() + " schedules.");
        } catch (CompletionException e) {
            return show(model, document, List.of(ConsoleRefusals.reason(e)));
        }
        return "redirect:/console/policies";
    }

    /** A policy as the page's table shows it, durations written like the document writes them. */
    record PolicyRow(String name, List<String> match, List<String> services, String summary, List<LevelRow> levels) {

        record LevelRow(int number, String after, String targets) {
        }

        static PolicyRow of(EscalationPolicy policy) {
            return new PolicyRow(policy.name(), policy.match().texts(), policy.services(),
                    "repeat " + policy.repeat() + ", consolidate " + DurationFormat.format(policy.consolidate())
                            + (policy.autoResolve() ? ", resolves itself when its alert clears" : ""),
                    policy.levels().stream().map(level -> new LevelRow(level.number(),
                            level.after().isZero() ? "at once" : DurationFormat.format(level.after()),
                            level.targets().stream().map(Object::toString).collect(Collectors.joining(", ")))).toList());
        }
    }

    private String show(Model model, String draft, List<String> errors) {
        Optional<PolicyDocuments.Current> current = documents.current();
        PolicyDocument document = current.map(PolicyDocuments.Current::document).orElse(PolicyDocument.NONE);
        model.addAttribute("stored", current.map(PolicyDocuments.Current::stored).orElse(null));
        model.addAttribute("policies", document.policies().stream().map(PolicyRow::of).toList());
        model.addAttribute("onCall", OnCallNow.of(document, clock.instant()));
        model.addAttribute("draft", draft != null ? draft : current.map(c -> c.stored().document()).orElse(""));
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
