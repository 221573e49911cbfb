package io.vigil.web.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.audit.AuditAnchor;
import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringFilter;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.web.event.CsvWriter;
import io.vigil.web.system.RequestParams;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit trail (AUDITOR): which rule fired, under which rule-set version, when, on what and why —
 * searched by rule, version, time, event, incident or alert, exported as CSV; whether the hash
 * chain is intact; and its anchors, which show a trail cut short.
 */
@RestController
class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    /** Firings read per query while an export streams. */
    private static final int EXPORT_PAGE = 1_000;

    private final AuditTrail trail;
    private final Clock clock;

    AuditController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    record Firings(List<FiringRow> firings) {
    }

    /** A firing with links back to the events it matched (and from there to their raw text). */
    record FiringView(FiringRow firing, List<String> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(boolean ok, long rows, Long brokenAt, String reason, int anchors) {

        static Verification of(VerifyResult result, int anchors) {
            return new Verification(result.ok(), result.rows(), result.brokenId(), result.reason(), anchors);
        }
    }

    /**
     * Firings newest first. {@code incident} or {@code alert}: the firings behind that incident or
     * alert (oldest first; the other filters do not apply). {@code before}: the next page, below the
     * last id of this one.
     */
    @GetMapping("/api/v1/audit/firings")
    Firings firings(@RequestParam(required = false) String rule, @RequestParam(required = false) String version,
                    @RequestParam(required = false) String since, @RequestParam(required = false) String until,
                    @RequestParam(required = false) Long event, @RequestParam(required = false) Long incident,
                    @RequestParam(required = false) Long alert, @RequestParam(required = false) Long before,
                    @RequestParam(defaultValue = "100") int limit) {
        if (incident != null || alert != null) {
            if (incident != null && alert != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give incident or alert, not both");
            }
            return new Firings(incident != null ? trail.ofIncident(incident) : trail.ofAlert(alert));
        }
        return new Firings(trail.query(filter(rule, version, since, until, event, before), RequestParams.limit(limit)));
    }

    /** Every firing the search finds, newest first, as CSV, streamed page by page (no limit). */
    @GetMapping({"/api/v1/audit/firings.csv", "/console/audit/firings.csv"})
    void export(@RequestParam(required = false) String rule, @RequestParam(required = false) String version,
                @RequestParam(required = false) String since, @RequestParam(required = false) String until,
                @RequestParam(required = false) Long event, HttpServletResponse response) throws IOException {
        FiringFilter filter = filter(rule, version, since, until, event, null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("vigil-firings-" + clock.instant().getEpochSecond() + ".csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(List.of("id", "fired_at", "rule", "package", "rule_set_version", "event_ids", "facts", "outcome",
                    "prev_hash", "hash"));
            List<FiringRow> page = trail.query(filter, EXPORT_PAGE);
            while (!page.isEmpty()) {
                for (FiringRow f : page) {
                    csv.row(List.of(String.valueOf(f.id()), f.firedAt().toString(), f.rule(), f.rulePackage(),
                            f.ruleSetVersion(), f.eventIds().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                            f.facts().stream().map(fact -> fact.id() + " " + fact.summary()).collect(Collectors.joining("; ")),
                            f.outcome(), f.prevHash(), f.hash()));
                }
                page = page.size() < EXPORT_PAGE ? List.of()
                        : trail.query(filter.withBefore(page.get(page.size() - 1).id()), EXPORT_PAGE);
            }
            out.flush();
        } catch (IOException gone) {
            log.info("the firings export stopped: the client went away ({})", gone.toString());
        }
    }

    @GetMapping("/api/v1/audit/firings/{id}")
    FiringView firing(@PathVariable long id) {
        FiringRow firing = trail.byId(id).orElseThrow(() -> RequestParams.notFound("firing", id));
        return new FiringView(firing, firing.eventIds().stream().map(e -> "/api/v1/events/" + e).toList());
    }

    /**
     * Checks the whole chain and every stored anchor; {@code anchorFiring} and {@code anchorHash} add
     * an anchor the auditor kept elsewhere (the stored ones could have been removed with the firings).
     */
    @GetMapping("/api/v1/audit/verify")
    Verification verify(@RequestParam(required = false) Long anchorFiring, @RequestParam(required = false) String anchorHash) {
        List<AuditAnchor> anchors = new ArrayList<>(trail.anchors());
        if (anchorFiring != null || anchorHash != null) {
            if (anchorFiring == null || anchorHash == null || !anchorHash.matches("[0-9a-f]{64}")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an anchor needs anchorFiring (a firing id) and"
                        + " anchorHash (its 64 lowercase hex digits), got " + anchorFiring + " and " + anchorHash);
            }
            anchors.add(new AuditAnchor(0, clock.instant(), anchorFiring, 0, anchorHash, "given"));
        }
        return Verification.of(trail.verify(anchors), anchors.size());
    }

    @GetMapping("/api/v1/audit/anchors")
    List<AuditAnchor> anchors() {
        return trail.anchors();
    }

    /** Records where the chain stands now; keep the answer outside Vigil. */
    @PostMapping("/api/v1/audit/anchors")
    ResponseEntity<AuditAnchor> anchor(Authentication who) {
        AuditAnchor anchor = trail.anchor(who.getName(), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/audit/anchors")).body(anchor);
    }

    private static FiringFilter filter(String rule, String version, String since, String until, Long event, Long before) {
        return new FiringFilter(rule == null || rule.isBlank() ? null : rule, version == null || version.isBlank() ? null : version,
                RequestParams.instant("since", since), RequestParams.instant("until", until), event, before);
    }
}
